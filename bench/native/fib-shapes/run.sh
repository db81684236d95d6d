#!/usr/bin/env bash
# Times each epilogue shape of shapes.S on fib(38) against gcc -O1's fib, whole processes
# (hyperfine -N), then fib_addrsp at offsets 0, 16, 32, 38 and 48 from a 64-byte boundary.
# Usage: bench/native/fib-shapes/run.sh [RUNS] (default 9)
set -euo pipefail
runs="${1:-9}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
gcc -O1 -o "$work/shapes" "$here/harness.c" "$here/shapes.S" -Wl,-z,noexecstack
for offset in 0 16 32 38 48; do
  { echo '    .intel_syntax noprefix'; echo '    .text'; echo '    .globl fib_shifted'; echo '    .p2align 6';
    if [ "$offset" -gt 0 ]; then echo "    .skip $offset, 0x90"; fi
    sed -n '/^fib_addrsp:/,$p' "$here/shapes.S" | sed 's/fib_addrsp/fib_shifted/g'; } > "$work/shifted$offset.S"
  gcc -O1 -DSHIFTED -o "$work/shifted$offset" "$here/harness.c" "$here/shapes.S" "$work/shifted$offset.S" -Wl,-z,noexecstack
done
hyperfine -N -w 1 -r "$runs" \
  -n "gcc -O1" "$work/shapes c" -n leave "$work/shapes ours" -n "mov rsp,rbp; pop rbp" "$work/shapes noleave" \
  -n "add rsp,N; pop rbp" "$work/shapes addrsp" -n "no frame pointer" "$work/shapes nofp" \
  -n "add/pop at +0" "$work/shifted0 shifted" -n "add/pop at +16" "$work/shifted16 shifted" \
  -n "add/pop at +32" "$work/shifted32 shifted" -n "add/pop at +38" "$work/shifted38 shifted" \
  -n "add/pop at +48" "$work/shifted48 shifted"

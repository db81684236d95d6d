#!/usr/bin/env bash
# A runtime port against the code it replaced, in one run: PROGRAM (in this folder, taking an
# operation's name and a step count) built by AFTER and by BEFORE (two zylisp launchers), each
# operation's loop counted with callgrind (instructions per step: repeatable however loaded the
# machine is) and timed as whole processes with hyperfine -N (CPU = user + system).
# collection-ports.sh and equality.sh run it with their programs and operations.
# Usage: ZYLISP_BEFORE=/path/to/old/zylisp [ZYLISP_AFTER=/path/to/zylisp] bench/native/port-compare.sh PROGRAM STEPS RUNS OPS...
set -euo pipefail
program="$1"; steps="$2"; runs="$3"; shift 3
ops=("$@")
here="$(cd "$(dirname "$0")" && pwd)"
after="${ZYLISP_AFTER:-$here/../../zylisp}"
before="${ZYLISP_BEFORE:?set ZYLISP_BEFORE to the zylisp launcher of a commit before the port}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "runs: $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
$after build --target native "$here/$program" -o "$work/after" >/dev/null
$before build --target native "$here/$program" -o "$work/before" >/dev/null
count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'; }
for op in "${ops[@]}"; do
  [ "$("$work/before" "$op" 1000)" = "$("$work/after" "$op" 1000)" ] || { echo "outputs differ for $op"; exit 1; }
  # Instructions per step: (N2 - N1) / (N2 - N1 steps), so start-up and set-up cancel out.
  b1=$(count "$work/before" "$op" 20000); b2=$(count "$work/before" "$op" 120000)
  a1=$(count "$work/after" "$op" 20000); a2=$(count "$work/after" "$op" 120000)
  hyperfine -N -w 1 -r "$runs" --export-json "$work/$op.json" \
    -n before "$work/before $op $steps" -n after "$work/after $op $steps" >/dev/null 2>&1
  python3 - "$work/$op.json" "$op" "$b1" "$b2" "$a1" "$a2" "$steps" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
op, b1, b2, a1, a2, steps = sys.argv[2], *map(int, sys.argv[3:8])
cpu = [r["user"] + r["system"] for r in results]
bi, ai = (b2 - b1) / 100000, (a2 - a1) / 100000
print(f"{op:<20} instructions/step before {bi:8.1f} after {ai:8.1f} ({ai/bi:.2f}x);"
      f" {steps:.0e} steps cpu before {cpu[0]*1000:7.1f} ms after {cpu[1]*1000:7.1f} ms ({cpu[1]/cpu[0]:.2f}x)")
PY
done

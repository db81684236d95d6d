#!/usr/bin/env bash
# Runtime pieces ported from hand-emitted assembly (or untyped library Zylisp) to the low-level
# typed subset (docs/design/native-typed.md), against the versions they replaced, in one run:
# runtime_strings.zl built by this checkout and by ZYLISP_BEFORE (a zylisp launcher of a commit
# before the ports), both executables timed as whole processes with hyperfine -N.
# Usage: ZYLISP_BEFORE=/path/to/old/zylisp bench/native/runtime-ports.sh [RUNS] (default 5)
set -euo pipefail
runs="${1:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
zylisp="$here/../../zylisp"
before="${ZYLISP_BEFORE:?set ZYLISP_BEFORE to the zylisp launcher of a commit before the ports}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "runs: $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg); before: $(cd "$(dirname "$before")" && git log --oneline -1)"
"$zylisp" build --target native "$here/runtime_strings.zl" -o "$work/after"
"$before" build --target native "$here/runtime_strings.zl" -o "$work/before"
for case in "includes? 2000000" "index-of 2000000" "upper-case 500000" "subs 2000000"; do
  set -- $case
  [ "$("$work/before" "$1" "$2")" = "$("$work/after" "$1" "$2")" ] || { echo "outputs differ for $1"; exit 1; }
  hyperfine -N -w 1 -r "$runs" --export-json "$work/$1.json" \
    -n "before $1 $2" "$work/before $1 $2" -n "after $1 $2" "$work/after $1 $2" >/dev/null 2>&1
  python3 - "$work/$1.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
cpu = [r["user"] + r["system"] for r in results]
for r, c in zip(results, cpu):
    print(f"  {r['command']:<28} median {r['median']*1000:9.1f} ms   cpu {c*1000:9.1f} ms")
print(f"  after/before: median {results[1]['median']/results[0]['median']:.2f}x, cpu {cpu[1]/cpu[0]:.2f}x")
PY
done

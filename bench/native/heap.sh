#!/usr/bin/env bash
# The allocator and collector ported from assembly to the low-level typed subset
# (docs/design/native-typed.md, "Ported so far"), against an older zylisp, in one run. Programs:
# churn.zl (10^8 short-lived vectors: one free run per sweep) and heap_live.zl (300,000 live
# vectors while 10^7 churn: every sweep walks the live blocks), each built by this checkout and
# by ZYLISP_BEFORE; outputs checked equal. For each: hyperfine -N medians (CPU = user + system,
# the figure to trust on a loaded machine), max RSS (/usr/bin/time), and, with valgrind
# installed, callgrind's instruction count at a tenth of the work (repeatable under any load).
# Usage: ZYLISP_BEFORE="command of an older zylisp" bench/native/heap.sh [RUNS] (default 5)
#   e.g. ZYLISP_BEFORE=/tmp/main-copy/zylisp
set -euo pipefail
runs="${1:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
zylisp="$here/../../zylisp"
read -r -a before <<< "${ZYLISP_BEFORE:?set ZYLISP_BEFORE to the zylisp command of a commit before the port}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "runs: $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
sed 's/100000000/10000000/' "$here/churn.zl" > "$work/churn-small.zl"
sed 's/10000000/1000000/' "$here/heap_live.zl" > "$work/heap_live-small.zl"
for program in "$here/churn.zl" "$here/heap_live.zl" "$work/churn-small.zl" "$work/heap_live-small.zl"; do
  name="$(basename "$program" .zl)"
  "$zylisp" build --target native "$program" -o "$work/$name.after"
  "${before[@]}" build --target native "$program" -o "$work/$name.before"
done

for name in churn heap_live; do
  [ "$("$work/$name.before")" = "$("$work/$name.after")" ] || { echo "$name: outputs differ"; exit 1; }
  hyperfine -N -w 1 -r "$runs" --export-json "$work/cmp.json" -n "before" "$work/$name.before" -n "after" "$work/$name.after" >/dev/null 2>&1
  rss_before=$( { /usr/bin/time -f %M "$work/$name.before" >/dev/null; } 2>&1 )
  rss_after=$( { /usr/bin/time -f %M "$work/$name.after" >/dev/null; } 2>&1 )
  echo "$name:"
  python3 - "$work/cmp.json" "$rss_before" "$rss_after" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
cpu = [r["user"] + r["system"] for r in results]
for r, c, rss in zip(results, cpu, sys.argv[2:]):
    print(f"  {r['command']:<8} median {r['median']*1000:9.1f} ms   cpu {c*1000:9.1f} ms   max RSS {int(rss)/1024:6.1f} MB")
print(f"  after/before: median {results[1]['median']/results[0]['median']:.3f}x, cpu {cpu[1]/cpu[0]:.3f}x")
PY
  if command -v valgrind >/dev/null; then
    count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" 2>&1 >/dev/null | sed -n 's/.*Collected : //p'; }
    b=$(count "$work/$name-small.before"); a=$(count "$work/$name-small.after")
    python3 -c "print(f'  instructions at a tenth: before {$b:,}, after {$a:,}: {$a/$b:.3f}x')"
  fi
done

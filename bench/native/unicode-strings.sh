#!/usr/bin/env bash
# Issue 12: what code-point indexing costs natively (docs/design/native-strings.md). One
# executable built from bench/native/unicode_strings.zl runs each string function on ASCII text
# (the O(1) path) and on text with non-ASCII characters (byte walks), timed as whole processes
# with hyperfine -N in the same run; the ratio is unicode/ascii. With ZYLISP_BEFORE (a zylisp
# launcher of a commit before issue 12's Unicode work), runtime_strings.zl built by both is timed
# too, so the ASCII path's cost before and after is in the same run.
# Usage: [ZYLISP_BEFORE=/path/to/old/zylisp] bench/native/unicode-strings.sh [RUNS] (default 5)
set -euo pipefail
runs="${1:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
zylisp="$here/../../zylisp"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 1; }

report() {
  python3 - "$1" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
cpu = [r["user"] + r["system"] for r in results]
for r, c in zip(results, cpu):
    print(f"  {r['command']:<34} median {r['median']*1000:9.1f} ms   cpu {c*1000:9.1f} ms")
print(f"  second/first: median {results[1]['median']/results[0]['median']:.2f}x, cpu {cpu[1]/cpu[0]:.2f}x")
PY
}

echo "runs: $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg); this: $(git -C "$here" log --oneline -1)"
"$zylisp" build --target native "$here/unicode_strings.zl" -o "$work/strings"
for case in "subs 2000000" "nth 2000000" "index-of 2000000" "upper-case 50000" "count-new 500000" "seq 100000"; do
  set -- $case
  hyperfine -N -w 1 -r "$runs" --export-json "$work/$1.json" \
    -n "ascii $1 $2" "$work/strings ascii $1 $2" -n "unicode $1 $2" "$work/strings unicode $1 $2" >/dev/null 2>&1
  report "$work/$1.json"
done

if [ -n "${ZYLISP_BEFORE:-}" ]; then
  echo "ASCII path, before ($(cd "$(dirname "$ZYLISP_BEFORE")" && git log --oneline -1)) and after:"
  "$ZYLISP_BEFORE" build --target native "$here/runtime_strings.zl" -o "$work/before"
  "$zylisp" build --target native "$here/runtime_strings.zl" -o "$work/after"
  for case in "includes? 2000000" "index-of 2000000" "upper-case 50000" "subs 2000000"; do
    set -- $case
    [ "$("$work/before" "$1" "$2")" = "$("$work/after" "$1" "$2")" ] || { echo "outputs differ for $1"; exit 1; }
    hyperfine -N -w 1 -r "$runs" --export-json "$work/$1.json" \
      -n "before $1 $2" "$work/before $1 $2" -n "after $1 $2" "$work/after $1 $2" >/dev/null 2>&1
    report "$work/$1.json"
  done
fi

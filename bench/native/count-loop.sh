#!/usr/bin/env bash
# Issue 12: the code-point count loop moved from assembly (RuntimeUtf8.cs) to the typed routine
# %count-code-points (Library/30-strings.zl). This times `count` of a fresh ~4.5 KB string (the
# first count of a string walks all its bytes) in an executable built from
# bench/native/unicode_strings.zl by this checkout, against BEFORE, the same program built by an
# earlier commit, as whole processes with hyperfine -N in the same run; ASCII and non-ASCII text.
# Usage: bench/native/count-loop.sh BEFORE_EXECUTABLE [RUNS] (default 10) [N] (default 100000)
set -euo pipefail
before="$(readlink -f "$1")"
runs="${2:-10}"
n="${3:-100000}"
here="$(cd "$(dirname "$0")" && pwd)"
zylisp="$here/../../zylisp"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 1; }

echo "runs: $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg); this: $(git -C "$here" log --oneline -1)"
"$zylisp" build --target native "$here/unicode_strings.zl" -o "$work/after"
for kind in ascii unicode; do
  [ "$("$before" "$kind" count-long 1000)" = "$("$work/after" "$kind" count-long 1000)" ] || { echo "outputs differ ($kind)"; exit 1; }
  hyperfine -N -w 1 -r "$runs" --export-json "$work/$kind.json" \
    -n "before $kind count-long $n" "$before $kind count-long $n" -n "after $kind count-long $n" "$work/after $kind count-long $n" >/dev/null 2>&1
  python3 - "$work/$kind.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
cpu = [r["user"] + r["system"] for r in results]
for r, c in zip(results, cpu):
    print(f"  {r['command']:<34} median {r['median']*1000:9.1f} ms   cpu {c*1000:9.1f} ms")
print(f"  after/before: median {results[1]['median']/results[0]['median']:.2f}x, cpu {cpu[1]/cpu[0]:.2f}x")
PY
done

#!/usr/bin/env bash
# The printer ported from assembly to the low-level typed subset (docs/design/native-typed.md,
# "Runtime routines in the subset"), against the commit before, in one run: the printing loops of
# printing.zl, hello world's size, start-up and build, untyped fib(32) and churn, each built by
# this checkout and by ZYLISP_BEFORE, timed as whole processes with hyperfine -N; CPU = user + system.
# Usage: ZYLISP_BEFORE="command of an older zylisp" bench/native/printer.sh [RUNS] (default 5)
#   e.g. ZYLISP_BEFORE="dotnet /tmp/old/src/Zylisp.Cli/bin/Release/net10.0/zylisp.dll"
set -euo pipefail
runs="${1:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
zylisp="$here/../../zylisp"
read -r -a before <<< "${ZYLISP_BEFORE:?set ZYLISP_BEFORE to the zylisp command of a commit before the port}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

compare() { # name, before command, after command
  hyperfine -N -w 1 -r "$runs" --export-json "$work/cmp.json" -n "before $1" "$2" -n "after $1" "$3" >/dev/null 2>&1
  python3 - "$work/cmp.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
cpu = [r["user"] + r["system"] for r in results]
for r, c in zip(results, cpu):
    print(f"  {r['command']:<32} median {r['median']*1000:9.2f} ms   cpu {c*1000:9.2f} ms")
print(f"  after/before: median {results[1]['median']/results[0]['median']:.2f}x, cpu {cpu[1]/cpu[0]:.2f}x")
PY
}

echo "runs: $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '(defn -main [] (println "hello world"))\n' > "$work/hello.zl"
printf '(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))\n(defn -main [] (println (fib 32)))\n' > "$work/fib.zl"
for program in "$here/printing.zl" "$work/hello.zl" "$work/fib.zl" "$here/churn.zl"; do
  name="$(basename "$program" .zl)"
  "$zylisp" build --target native "$program" -o "$work/$name.after"
  "${before[@]}" build --target native "$program" -o "$work/$name.before"
done
echo "hello world executable: before $(stat -c %s "$work/hello.before") bytes, after $(stat -c %s "$work/hello.after") bytes"
echo "printing.zl executable: before $(stat -c %s "$work/printing.before") bytes, after $(stat -c %s "$work/printing.after") bytes"
for case in "pr-str 200000" "str-int 2000000" "long-vector 20" "long-list 20" "println 300000"; do
  set -- $case
  [ "$("$work/printing.before" "$1" "$2" | md5sum)" = "$("$work/printing.after" "$1" "$2" | md5sum)" ] || { echo "outputs differ for $1"; exit 1; }
  compare "$1 $2" "$work/printing.before $1 $2" "$work/printing.after $1 $2"
done
compare "hello start-up" "$work/hello.before" "$work/hello.after"
compare "fib(32) untyped" "$work/fib.before" "$work/fib.after"
compare "churn" "$work/churn.before" "$work/churn.after"
compare "build hello" "${before[*]} build --target native $work/hello.zl -o $work/h1" "$zylisp build --target native $work/hello.zl -o $work/h2"

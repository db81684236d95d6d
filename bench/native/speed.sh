#!/usr/bin/env bash
# Native speed figures (issue 12), baselines in the same run:
#   - typed and untyped naive fib(38) executables against C built with gcc -O1 (hyperfine -N);
#   - hello world: executable size and start-up (hyperfine -N, no shell in the measurement);
#   - the compile step alone, in-process (compile-step/: lowered program → ELF bytes, apart from
#     .NET start-up and the front end), and as whole `zylisp` processes: `build --target native`
#     against `expand --stage lowered` of the same file (the same start-up and front end).
# Usage: bench/native/speed.sh [RUNS] (default 5)
set -euo pipefail
runs="${1:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$here/../.."
zylisp="$root/zylisp"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
corpus_program="$root/tests/programs/realistic/fizzbuzz.zl"

# median_of JSON: "median s (user+sys mean s)" for each result of a hyperfine export.
report() {
  python3 - "$1" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"  {r['command']:<28} median {r['median']*1000:9.2f} ms   cpu {(r['user'] + r['system'])*1000:9.2f} ms")
PY
}

echo "runs: $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
"$zylisp" build --target native "$here/fib_typed.zl" -o "$work/fib_typed"
"$zylisp" build --target native "$here/fib_untyped.zl" -o "$work/fib_untyped"
gcc -O1 -o "$work/fib_c" "$here/fib.c"
echo "fib(38):"
hyperfine -N -w 1 -r "$runs" --export-json "$work/fib.json" \
  -n "gcc -O1" "$work/fib_c" -n "native typed" "$work/fib_typed" -n "native untyped" "$work/fib_untyped" >/dev/null
report "$work/fib.json"

printf '(defn -main [] (println "hello world"))\n' > "$work/hello.zl"
"$zylisp" build --target native "$work/hello.zl" -o "$work/hello"
echo "hello world: $(stat -c %s "$work/hello") bytes"
hyperfine -N -w 20 -r 300 --export-json "$work/hello.json" -n "native hello" "$work/hello" \
  -n "C hello (gcc -O1 -static)" "$work/hello_c" >/dev/null 2>&1 || {
  printf '#include <stdio.h>\nint main(void){puts("hello world");return 0;}\n' > "$work/hello.c"
  gcc -O1 -static -o "$work/hello_c" "$work/hello.c"
  hyperfine -N -w 20 -r 300 --export-json "$work/hello.json" -n "native hello" "$work/hello" \
    -n "C hello (gcc -O1 -static)" "$work/hello_c" >/dev/null
}
report "$work/hello.json"

echo "compile step, in-process (compile-step/, Release):"
dotnet build -c Release "$here/compile-step" -v q -nologo >/dev/null
dotnet "$here/compile-step/bin/Release/net10.0/compile-step.dll" 50 "$corpus_program" "$root/tests/programs/realistic/roman_numerals.zl"
echo "compile, whole processes on $(basename "$corpus_program"):"
hyperfine -N -w 1 -r "$runs" --export-json "$work/build.json" \
  -n "zylisp expand --stage lowered" "$zylisp expand --stage lowered $corpus_program" \
  -n "zylisp build --target native" "$zylisp build --target native $corpus_program -o $work/fizz" >/dev/null
report "$work/build.json"

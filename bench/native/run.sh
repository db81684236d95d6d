#!/usr/bin/env bash
# Native backend figures for docs/benchmarks.md: hello-world size and start-up, fib(32) against
# gcc -O1 (when gcc is installed) in the same run, and build time. Usage: bench/native/run.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
zylisp=("dotnet" "$root/src/Zylisp.Cli/bin/Release/net10.0/zylisp.dll")
dotnet build -c Release "$root/src/Zylisp.Cli" -v q -nologo >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_ms() { local s e; s=$(date +%s%N); "$@" >/dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }

printf '(defn -main [] (println "hello world"))\n' > "$work/hello.zl"
"${zylisp[@]}" build --target native "$work/hello.zl" -o "$work/hello"
echo "hello world executable: $(stat -c %s "$work/hello") bytes"
echo "hello world start-up (median of 21, µs): $(for _ in $(seq 21); do time_ms "$work/hello"; done | median)"

printf '(defn fib [n] (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))\n(defn -main [] (println (fib 32)))\n' > "$work/fib.zl"
echo "build fib.zl (median of 5, µs, whole process): $(for _ in $(seq 5); do time_ms "${zylisp[@]}" build --target native "$work/fib.zl" -o "$work/fib"; done | median)"
echo "untyped fib(32) native (median of 5, µs): $(for _ in $(seq 5); do time_ms "$work/fib"; done | median)"
if command -v gcc >/dev/null; then
  printf '#include <stdio.h>\nlong fib(long n){return n<2?n:fib(n-1)+fib(n-2);}\nint main(){printf("%%ld\\n",fib(32));return 0;}\n' > "$work/fib.c"
  gcc -O1 -o "$work/fibc" "$work/fib.c"
  echo "fib(32) gcc -O1 (median of 5, µs): $(for _ in $(seq 5); do time_ms "$work/fibc"; done | median)"
else
  echo "gcc not installed: no C baseline in this run"
fi

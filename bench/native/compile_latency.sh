#!/usr/bin/env bash
# Issue 12's native performance figures, as the user meets them, in one run (whole processes):
#   1. compile latency: `./zylisp build --target native PROG.zl -o OUT` (target: ≤ 50 ms) for
#      hello world and several corpus programs, with `./zylisp run hello.zl` and `./zylisp run
#      PROG.zl` (the default engine: start-up and the same front end, no native back end) as
#      baselines timed in the same hyperfine run, so the ratios mean something on a busy machine;
#   2. `./zylisp run --engine native PROG.zl` (compile in-process, run from mmap'd pages);
#   3. the hello-world executable: its size (target ≤ 16 KiB) and start-up time (target ≤ 1 ms),
#      against a static C hello world when gcc is there;
#   4. allocation churn against the IL engine and Go: bench/native/memory.sh.
# Each built executable is checked against the program's expected stdout first.
# Medians of wall time; CPU = user + system (hyperfine's mean), the figure to trust when the load
# average is high. Usage: bench/native/compile_latency.sh [RUNS] (default 20; churn uses 3).
# Set SKIP_CHURN=1 to leave out part 4, and ZYLISP_BEFORE=/other/checkout/zylisp to time that
# zylisp's native builds in the same hyperfine run (a before/after row per program).
# Builds use a cache folder of their own (XDG_CACHE_HOME under the scratch folder), filled by the
# correctness builds below, so `build` rows read the library's and the printer's analyzed forms;
# `no-cache` rows pass --no-cache. `build` rows run the native build host when it is published
# (waited for below; ZYLISP_NATIVE_AOT=0 times the zylisp command throughout); `inproc` rows never do.
# Results go into docs/benchmarks.md by hand.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-20}"
zylisp="$root/zylisp"
programs="$root/tests/programs/realistic"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 1; }

corpus=(fizzbuzz roman_numerals bank_account mini_interpreter word_frequencies)
printf '(println "hello world")\n' >"$work/hello.zl"
printf 'hello world\n' >"$work/hello.out"
export XDG_CACHE_HOME="$work/cache"
cp "$programs"/{fizzbuzz,roman_numerals,bank_account,mini_interpreter,word_frequencies}.{zl,out} "$work/"

"$zylisp" version >/dev/null # publishes .build/ first if a source changed
# The native build host (docs/design/native-build-host.md): a native build publishes it in the
# background when it is missing or stale; wait for that, so `build` rows time what users get.
# `inproc` rows (ZYLISP_NATIVE_AOT=0) time the zylisp command's own build in the same run.
host="$root/.build/native-build/zylisp-native-build"
if [ "${ZYLISP_NATIVE_AOT:-1}" != 0 ]; then
  "$zylisp" build --target native "$work/hello.zl" -o "$work/warm-up" 2>/dev/null
  sleep 1
  [ ! -f "$root/.build/native-build.lock" ] || flock "$root/.build/native-build.lock" true
  "$zylisp" build --target native "$work/hello.zl" -o "$work/warm-up" 2>/dev/null
  if [ -x "$host" ]; then echo "native build host: $host"; else echo "native build host: none (see .build/native-build.log)"; fi
fi
before="${ZYLISP_BEFORE:-}"
[ -z "$before" ] || "$before" version >/dev/null
# Every program must build and print exactly what the corpus expects before it is timed.
for name in hello "${corpus[@]}"; do
  "$zylisp" build --target native "$work/$name.zl" -o "$work/$name"
  "$work/$name" >"$work/$name.actual"
  cmp -s "$work/$name.actual" "$work/$name.out" || { echo "$name: the native executable printed something else" >&2; exit 1; }
done

echo "runs: $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg); commit: $(git -C "$root" rev-parse --short HEAD)"
echo

# One hyperfine run: every command below, interleaved by hyperfine one after another.
args=(--shell=none --warmup 2 --runs "$runs" --export-json "$work/latency.json" --style none)
args+=(-n "run hello" "$zylisp run $work/hello.zl")
for name in hello "${corpus[@]}"; do
  args+=(-n "build $name" "$zylisp build --target native $work/$name.zl -o $work/$name.bin")
  args+=(-n "inproc $name" "env ZYLISP_NATIVE_AOT=0 $zylisp build --target native $work/$name.zl -o $work/$name.inproc")
  args+=(-n "nocache $name" "$zylisp build --target native --no-cache $work/$name.zl -o $work/$name.nocache")
  args+=(-n "native $name" "$zylisp run --engine native $work/$name.zl")
  [ "$name" = hello ] || args+=(-n "run $name" "$zylisp run $work/$name.zl")
  [ -z "$before" ] || args+=(-n "before $name" "$before build --target native $work/$name.zl -o $work/$name.before")
done
hyperfine "${args[@]}" >/dev/null 2>"$work/hyperfine.err" || { cat "$work/hyperfine.err" >&2; exit 1; }

python3 - "$work/latency.json" hello "${corpus[@]}" <<'PY'
import json, sys
rows = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
names = sys.argv[2:]
def wall(key): return rows[key]["median"] * 1000
def cpu(key): return (rows[key]["user"] + rows[key]["system"]) * 1000
base = "run hello"
print(f"baseline ./zylisp run hello.zl: median {wall(base):6.1f} ms wall, {cpu(base):5.1f} ms CPU")
print()
print("ratios: wall (CPU)")
print(f"{'program':<18} {'build --target native':>26} {'/ run hello':>14} {'/ run PROG':>14}   {'run --engine native':>24} {'/ run PROG':>14}")
def ratio(a, b): return f"{wall(a) / wall(b):.2f}x ({cpu(a) / cpu(b):.2f}x)"
for name in names:
    b, n = f"build {name}", f"native {name}"
    own = f"run {name}" if name != "hello" else base
    print(f"{name:<18} {wall(b):7.1f} ms ({cpu(b):5.1f} CPU) {ratio(b, base):>14} {ratio(b, own):>14}"
          f"   {wall(n):7.1f} ms ({cpu(n):5.1f} CPU) {ratio(n, own):>14}")
print()
print("ZYLISP_NATIVE_AOT=0 build --target native (the zylisp command's own build, no native build host), same run:")
for name in names:
    k = "inproc " + name
    print(f"  {name:<18} {wall(k):7.1f} ms ({cpu(k):5.1f} CPU)   build / this: {wall('build ' + name) / wall(k):.2f}x wall, {cpu('build ' + name) / cpu(k):.2f}x CPU")
print()
print("build --target native --no-cache (the zylisp command: no cache, no native build host), same run:")
for name in names:
    k = "nocache " + name
    print(f"  {name:<18} {wall(k):7.1f} ms ({cpu(k):5.1f} CPU)   build / no-cache: {wall('build ' + name) / wall(k):.2f}x wall, {cpu('build ' + name) / cpu(k):.2f}x CPU")
if any(k.startswith("before ") for k in rows):
    print()
    print("ZYLISP_BEFORE's build --target native, same run:")
    for name in names:
        k = "before " + name
        print(f"  {name:<18} {wall(k):7.1f} ms ({cpu(k):5.1f} CPU)   now / before: {wall('build ' + name) / wall(k):.2f}x wall, {cpu('build ' + name) / cpu(k):.2f}x CPU")
print()
print("run PROG (the default engine, the front end's cost for that program):")
for name in names[1:]:
    print(f"  {name:<18} {wall('run ' + name):7.1f} ms ({cpu('run ' + name):5.1f} CPU)")
PY

echo
size=$(stat -c %s "$work/hello")
echo "hello world executable: $size bytes (target ≤ 16 KiB = 16384 bytes)"
start_args=(--shell=none --warmup 20 --runs 300 --export-json "$work/start.json" --style none -n "native hello" "$work/hello")
if command -v gcc >/dev/null; then
  printf '#include <stdio.h>\nint main(void) { puts("hello world"); return 0; }\n' >"$work/hello.c"
  gcc -O1 -static -o "$work/hello_c" "$work/hello.c"
  start_args+=(-n "static C hello" "$work/hello_c")
fi
hyperfine "${start_args[@]}" >/dev/null 2>"$work/start.err" || { cat "$work/start.err" >&2; exit 1; }
python3 - "$work/start.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"  {r['command']:<16} start-up median {r['median'] * 1000:6.3f} ms wall, {(r['user'] + r['system']) * 1000:6.3f} ms CPU (target ≤ 1 ms)")
PY

if [ "${SKIP_CHURN:-0}" != 1 ]; then
  echo
  echo "allocation churn (bench/native/memory.sh 3):"
  "$here/memory.sh" 3
fi

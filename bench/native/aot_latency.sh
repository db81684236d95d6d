#!/usr/bin/env bash
# What a NativeAOT build of the native build path would cost (issue 12: "compiling one corpus
# program takes ≤ 50 ms"). Publishes bench/native/aot-build (the same ProgramCollector and
# NativeCompiler as `zylisp build --target native`, compiled ahead of time) into a scratch folder,
# checks that it writes byte-identical executables to `./zylisp build --target native`, then times
# both as whole processes in one hyperfine run, with `./zylisp run hello.zl` as the baseline.
# Medians of wall time; CPU = user + system (hyperfine's mean), the figure to trust when the load
# average is high. Usage: bench/native/aot_latency.sh [RUNS] (default 20). Needs gcc (the linker).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-20}"
zylisp="$root/zylisp"
programs="$root/tests/programs/realistic"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 1; }
command -v gcc >/dev/null || { echo "gcc is not installed (NativeAOT links with it here)" >&2; exit 1; }

export XDG_CACHE_HOME="$work/cache"
corpus=(fizzbuzz roman_numerals bank_account mini_interpreter word_frequencies)
printf '(println "hello world")\n' >"$work/hello.zl"
cp "$programs"/{fizzbuzz,roman_numerals,bank_account,mini_interpreter,word_frequencies}.zl "$work/"

"$zylisp" version >/dev/null # publishes .build/ first if a source changed
dotnet publish "$here/aot-build/aot-build.csproj" -c Release -r linux-x64 -o "$work/aot" >"$work/publish.log" 2>&1 ||
  { tail -20 "$work/publish.log" >&2; exit 1; }
aot="$work/aot/aot-build"

# Same bytes as the CLI's build, with the analyzed-forms cache filled by these first builds.
for name in hello "${corpus[@]}"; do
  "$zylisp" build --target native "$work/$name.zl" -o "$work/$name.cli"
  "$aot" "$work/$name.zl" "$work/$name.aot"
  cmp -s "$work/$name.cli" "$work/$name.aot" || { echo "$name: the AOT build wrote other bytes" >&2; exit 1; }
done

echo "runs: $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg); commit: $(git -C "$root" rev-parse --short HEAD)"
echo "aot-build executable: $(stat -c %s "$aot") bytes"
args=(--shell=none --warmup 2 --runs "$runs" --export-json "$work/aot.json" --style none)
args+=(-n "run hello" "$zylisp run $work/hello.zl")
for name in hello "${corpus[@]}"; do
  args+=(-n "cli $name" "$zylisp build --target native $work/$name.zl -o $work/$name.cli")
  args+=(-n "aot $name" "$aot $work/$name.zl $work/$name.aot")
done
hyperfine "${args[@]}" >/dev/null 2>"$work/hyperfine.err" || { cat "$work/hyperfine.err" >&2; exit 1; }

python3 - "$work/aot.json" hello "${corpus[@]}" <<'PY'
import json, sys
rows = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
def wall(key): return rows[key]["median"] * 1000
def cpu(key): return (rows[key]["user"] + rows[key]["system"]) * 1000
print(f"baseline ./zylisp run hello.zl: median {wall('run hello'):6.1f} ms wall, {cpu('run hello'):5.1f} ms CPU")
print(f"{'program':<18} {'./zylisp build --target native':>32} {'NativeAOT build':>26} {'aot / cli':>16}")
for name in sys.argv[2:]:
    c, a = f"cli {name}", f"aot {name}"
    print(f"{name:<18} {wall(c):8.1f} ms ({cpu(c):5.1f} CPU) {wall(a):12.1f} ms ({cpu(a):5.1f} CPU) {wall(a) / wall(c):7.2f}x ({cpu(a) / cpu(c):.2f}x)")
PY

#!/usr/bin/env bash
# Start-up benchmark: `./zylisp run hello.zl` (the command the README tells users to type, so the
# launcher script's up-to-date check is included) against `dotnet hello.dll` (plain C# hello
# world), both measured in the same hyperfine run, with the published binary started directly
# (`zylisp.dll`, no launcher) as a third row to show the launcher's share; prints the wall-time medians and their ratio, the mean
# CPU time (user+system) of each, and each one's peak RSS (median of 5 runs of /usr/bin/time).
# Usage: bench/startup/run.sh [RUNS]   (default 30). Results go into docs/benchmarks.md by hand.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-30}"
work="$root/.build/bench-startup"
mkdir -p "$work"

command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 1; }

# The zylisp command exactly as ./zylisp builds it (Release, ReadyToRun), and the baseline in Release.
"$root/zylisp" version >/dev/null
zylisp_dll="$(ls -d "$root"/.build/zylisp*/zylisp.dll | head -1)"
dotnet publish "$here/hello/Hello.csproj" -c Release --nologo -v quiet \
  --artifacts-path "$work/artifacts" -o "$work/hello" >/dev/null
hello_dll="$work/hello/hello.dll"

zylisp_cmd="$root/zylisp run $here/hello.zl"
direct_cmd="dotnet $zylisp_dll run $here/hello.zl"
hello_cmd="dotnet $hello_dll"
[ "$($zylisp_cmd)" = hello ] || { echo "./zylisp run hello.zl did not print hello" >&2; exit 1; }

hyperfine --shell=none --warmup 5 --runs "$runs" --export-json "$work/startup.json" \
  -n "dotnet hello.dll" "$hello_cmd" \
  -n "./zylisp run hello.zl" "$zylisp_cmd" \
  -n "dotnet zylisp.dll run hello.zl" "$direct_cmd" >"$work/hyperfine.txt"

rss() { # peak resident set size in MB, median of 5 runs
  for _ in 1 2 3 4 5; do /usr/bin/time -f '%M' "$@" 2>&1 >/dev/null | tail -1; done |
    sort -n | sed -n 3p | awk '{ printf "%.1f", $1 / 1024 }'
}
hello_rss="$(rss $hello_cmd)"
zylisp_rss="$(rss $zylisp_cmd)"

python3 - "$work/startup.json" "$hello_rss" "$zylisp_rss" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
def row(name):
    r = results[name]
    return r["median"] * 1000, (r["user"] + r["system"]) * 1000
hello, hello_cpu = row("dotnet hello.dll")
zylisp, zylisp_cpu = row("./zylisp run hello.zl")
direct, direct_cpu = row("dotnet zylisp.dll run hello.zl")
print(f"dotnet hello.dll                median {hello:7.1f} ms   cpu {hello_cpu:6.1f} ms   max RSS {sys.argv[2]} MB")
print(f"./zylisp run hello.zl           median {zylisp:7.1f} ms   cpu {zylisp_cpu:6.1f} ms   max RSS {sys.argv[3]} MB")
print(f"dotnet zylisp.dll run hello.zl  median {direct:7.1f} ms   cpu {direct_cpu:6.1f} ms")
print(f"wall ratio (./zylisp / hello) {zylisp / hello:.2f}   (target <= 1.30)")
print(f"launcher share (./zylisp - zylisp.dll) {zylisp - direct:.1f} ms wall, {zylisp_cpu - direct_cpu:.1f} ms cpu")
print(f"cpu ratio  (./zylisp / hello) {zylisp_cpu / hello_cpu:.2f}   (user+system, mean; less sensitive to a busy machine)")
PY

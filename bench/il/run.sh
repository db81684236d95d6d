#!/usr/bin/env bash
# IL-backend benchmarks (issue 9), whole processes as a user runs them, each against its baseline
# in the same hyperfine run: typed fib(38) vs C#, untyped fib(38) vs Chez Scheme, a typed 10^9
# loop vs C#, hello-world start-up per engine; then the in-process compile latency and typed fib.
# Reports median wall time and mean CPU (user+system, steadier on a shared machine).
# Usage: bench/il/run.sh [runs]     (needs hyperfine; Chez from Debian's chezscheme package)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs=${1:-5}
zl="$root/zylisp"
"$zl" version >/dev/null   # publishes the CLI (ReadyToRun) if it is stale
dotnet publish -c Release "$here/fibcs" -o /tmp/zylisp-bench-fibcs >/dev/null
dotnet publish -c Release "$here/loopcs" -o /tmp/zylisp-bench-loopcs >/dev/null
out=/tmp/zylisp-bench-il
mkdir -p "$out"

hyperfine --runs "$runs" --warmup 1 --export-json "$out/fib-typed.json" \
  -n "zylisp --engine il fib-typed.zl" "$zl run --engine il $here/fib-typed.zl" \
  -n "zylisp --engine tiered fib-typed.zl" "$zl run --engine tiered $here/fib-typed.zl" \
  -n "C# Fib(38)" "dotnet /tmp/zylisp-bench-fibcs/fibcs.dll"
if command -v scheme >/dev/null; then
  hyperfine --runs "$runs" --warmup 1 --export-json "$out/fib.json" \
    -n "zylisp --engine il fib.zl" "$zl run --engine il $here/fib.zl" \
    -n "zylisp (default: tiered) fib.zl" "$zl run $here/fib.zl" \
    -n "zylisp --engine interp fib.zl" "$zl run --engine interp $here/fib.zl" \
    -n "chez fib.ss" "scheme --script $here/fib.ss"
else
  echo "chezscheme is not installed (apt-get install chezscheme): skipping untyped fib vs Chez"
fi
hyperfine --runs "$runs" --warmup 1 --export-json "$out/loop.json" \
  -n "zylisp --engine il loop-typed.zl" "$zl run --engine il $here/loop-typed.zl" \
  -n "C# loop" "dotnet /tmp/zylisp-bench-loopcs/loopcs.dll"
hyperfine --runs $((runs * 4)) --warmup 2 --export-json "$out/hello.json" \
  -n "hello --engine interp" "$zl run --engine interp $root/bench/startup/hello.zl" \
  -n "hello --engine tiered (default)" "$zl run $root/bench/startup/hello.zl" \
  -n "hello --engine il" "$zl run --engine il $root/bench/startup/hello.zl"

python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
print("| benchmark | command | median wall | mean CPU | wall ratio to baseline (last row of the group) |")
print("|---|---|---:|---:|---:|")
for b in ["fib-typed", "fib", "loop", "hello"]:
    path = os.path.join(out, b + ".json")
    if not os.path.exists(path):
        continue
    rs = json.load(open(path))["results"]
    base = rs[-1]["median"] if b != "hello" else rs[0]["median"]
    for r in rs:
        print(f"| {b} | {r['command']} | {r['median']:.3f} s | {r['user'] + r['system']:.3f} s | {r['median'] / base:.2f}x |")
PY
# Compile latency in a warm process (200 definitions first; the issue's "in-process" figure).
# Published ReadyToRun, as the CLI and its nREPL workers run the compiler: a plain build starts
# the compiler's own methods at Tier 0, which the first samples of a fresh process pay for.
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true "$here/latency" -o /tmp/zylisp-bench-latency >/dev/null
DOTNET_gcConcurrent=0 dotnet /tmp/zylisp-bench-latency/latency.dll 1000
# Typed fib's compute alone, against C# in the same process (no start-up on either side).
dotnet run -c Release --project "$here/fib-inprocess" -- 35
for n in 1000 10000 100000; do
  /usr/bin/time -f "redefine $n times on --engine il: max RSS %M KB, %e s" "$zl" run --engine il "$here/redefine.zl" "$n"
done

#!/usr/bin/env bash
# Language-core benchmarks: Zylisp's interpreter against CPython 3.11 on the same algorithms,
# measured in the same hyperfine run. Reports the median wall time and the mean CPU time
# (user+system; steadier on a shared machine), and the CPU ratio with start-up (empty.zl vs
# empty.py) subtracted. Usage: bench/interp/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-5}
# ReadyToRun, like the zylisp CLI the project ships, so start-up is not mostly JIT.
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true runner -o /tmp/zylisp-bench-r2r >/dev/null
zl="dotnet /tmp/zylisp-bench-r2r/ZlRun.dll"
for b in empty fib loop; do
  hyperfine --runs "$runs" --warmup 1 --export-json "/tmp/zylisp-bench-$b.json" \
    -n "zylisp $b" "$zl $b.zl" -n "python3 $b" "python3 $b.py"
done
python3 - <<'PY'
import json
def load(b):
    r = json.load(open(f"/tmp/zylisp-bench-{b}.json"))["results"]
    return [(x["median"], x["user"] + x["system"]) for x in r]
(zs_w, zs_c), (ps_w, ps_c) = load("empty")
print("| benchmark | zylisp wall (median) | python3 wall (median) | wall ratio | zylisp CPU | python3 CPU | CPU ratio | CPU ratio without start-up |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
print(f"| start-up | {zs_w:.3f} s | {ps_w:.3f} s | {ps_w/zs_w:.2f}x | {zs_c:.3f} s | {ps_c:.3f} s | {ps_c/zs_c:.2f}x | |")
for b in ["fib", "loop"]:
    (zw, zc), (pw, pc) = load(b)
    print(f"| {b} | {zw:.3f} s | {pw:.3f} s | {pw/zw:.2f}x | {zc:.3f} s | {pc:.3f} s | {pc/zc:.2f}x | {(pc-ps_c)/(zc-zs_c):.2f}x |")
PY

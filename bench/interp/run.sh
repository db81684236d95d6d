#!/usr/bin/env bash
# Language-core benchmarks: Zylisp's interpreter against CPython 3.11 on the same algorithms,
# measured in the same run with hyperfine (medians of several runs). Usage: bench/interp/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-5}
dotnet build -c Release runner -o /tmp/zylisp-bench-runner >/dev/null
zl="dotnet /tmp/zylisp-bench-runner/ZlRun.dll"
for b in fib loop; do
  hyperfine --runs "$runs" --warmup 1 --export-json "/tmp/zylisp-bench-$b.json" \
    -n "zylisp $b" "$zl $b.zl" -n "python3 $b" "python3 $b.py"
done
python3 - <<'PY'
import json
for b in ["fib", "loop"]:
    r = json.load(open(f"/tmp/zylisp-bench-{b}.json"))["results"]
    zl, py = r[0]["median"], r[1]["median"]
    print(f"| {b} | {zl:.3f} s | {py:.3f} s | {py/zl:.2f}x |")
PY

#!/usr/bin/env bash
# The on-disk code cache (issue 9): a generated 2,000-line program (bench/il/gen-program.py, 100
# hot functions), run as a user runs it on --engine il (the engine the CLI gives the cache):
#   first run  - an empty cache: compiles, runs, writes the entry;
#   cached run - the entry exists: the code comes from it;
#   --no-cache - the baseline in the same hyperfine run: neither reads nor writes;
#   and the default engine (tiered), for reference.
# Every command runs through the same `sh -c` wrapper, each with its own XDG_CACHE_HOME.
# Reports median wall time and mean CPU (user+system, steadier on a shared machine).
# Usage: bench/il/cache.sh [runs]     (needs hyperfine)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs=${1:-10}
zl="$root/zylisp"
"$zl" version >/dev/null   # publishes the CLI (ReadyToRun) if it is stale
out=/tmp/zylisp-bench-cache
rm -rf "$out" && mkdir -p "$out"
python3 "$here/gen-program.py" >"$out/gen.zl"
echo "$(wc -l <"$out/gen.zl") lines: $("$zl" run --no-cache "$out/gen.zl")"

for engine in il; do
  cold="$out/cold-$engine" warm="$out/warm-$engine"
  XDG_CACHE_HOME="$warm" "$zl" run --engine "$engine" "$out/gen.zl" >/dev/null   # writes the entry the cached runs read
  hyperfine --runs "$runs" --warmup 1 --export-json "$out/$engine.json" \
    -n "first run (--engine $engine, empty cache)" "rm -rf $cold; XDG_CACHE_HOME=$cold $zl run --engine $engine $out/gen.zl" \
    -n "cached run (--engine $engine)" "rm -rf $cold; XDG_CACHE_HOME=$warm $zl run --engine $engine $out/gen.zl" \
    -n "default engine (tiered)" "rm -rf $cold; XDG_CACHE_HOME=$cold $zl run $out/gen.zl" \
    -n "no cache (--engine $engine, --no-cache)" "rm -rf $cold; XDG_CACHE_HOME=$cold $zl run --engine $engine --no-cache $out/gen.zl"
done

python3 - "$out" <<'PY'
import json, os, sys
out = sys.argv[1]
print("| engine | command | median wall | mean CPU | wall ratio to --no-cache | CPU ratio to --no-cache |")
print("|---|---|---:|---:|---:|---:|")
for e in ["il"]:
    rs = json.load(open(os.path.join(out, e + ".json")))["results"]
    base = rs[-1]
    for r in rs:
        cpu, bcpu = r["user"] + r["system"], base["user"] + base["system"]
        print(f"| {e} | {r['command']} | {r['median']:.3f} s | {cpu:.3f} s | {r['median'] / base['median']:.2f}x | {cpu / bcpu:.2f}x |")
PY

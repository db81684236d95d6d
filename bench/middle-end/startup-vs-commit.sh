#!/usr/bin/env bash
# Start-up before and after a change, in one hyperfine run: `zylisp run hello.zl` as built at
# BASE (a commit) and as built from the working tree, plus the `dotnet hello.dll` baseline.
# Both zylisp builds are published exactly as ./zylisp publishes (Release, ReadyToRun, framework-
# dependent) and started the same way (their apphost), so only the code differs.
# Usage: bench/middle-end/startup-vs-commit.sh BASE [RUNS]   (default 30)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base="${1:?usage: $0 BASE-COMMIT [RUNS]}"
runs="${2:-30}"
work="$root/.build/bench-middle-end"
rm -rf "$work" && mkdir -p "$work"
command -v hyperfine >/dev/null || { echo "hyperfine is not installed" >&2; exit 1; }

publish() { # $1 source tree, $2 output folder
  dotnet publish "$1/src/Zylisp.Cli/Zylisp.Cli.csproj" -c Release --nologo -v quiet -r linux-x64 --self-contained false \
    --artifacts-path "$2.artifacts" -o "$2" >/dev/null
}

git -C "$root" worktree add --detach "$work/base-src" "$base" >/dev/null 2>&1
trap 'git -C "$root" worktree remove --force "$work/base-src" >/dev/null 2>&1 || true' EXIT
publish "$work/base-src" "$work/base"
publish "$root" "$work/head"
dotnet publish "$root/bench/startup/hello/Hello.csproj" -c Release --nologo -v quiet \
  --artifacts-path "$work/hello.artifacts" -o "$work/hello" >/dev/null

hello="$root/bench/startup/hello.zl"
for build in base head; do
  [ "$("$work/$build/zylisp" run "$hello")" = hello ] || { echo "$build build did not print hello" >&2; exit 1; }
done

hyperfine --shell=none --warmup 5 --runs "$runs" --export-json "$work/startup.json" \
  -n "dotnet hello.dll" "dotnet $work/hello/hello.dll" \
  -n "zylisp run hello.zl @ $base" "$work/base/zylisp run $hello" \
  -n "zylisp run hello.zl @ working tree" "$work/head/zylisp run $hello" >"$work/hyperfine.txt"

python3 - "$work/startup.json" <<'PY'
import json, sys
rs = json.load(open(sys.argv[1]))["results"]
hello = rs[0]["median"]
for r in rs:
    print(f'{r["command"]:40s} median {r["median"]*1000:7.1f} ms   ratio to dotnet hello.dll {r["median"]/hello:.2f}')
print(f'working tree / base: {rs[2]["median"]/rs[1]["median"]:.3f}')
PY

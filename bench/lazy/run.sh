#!/usr/bin/env bash
# Issue 13's lazy sequences, measured as the user runs them (whole ./zylisp processes):
#  1. constant memory: maximum RSS of walking N elements (default 10^8) of an infinite range on
#     interp, il, tiered, a Go build and a native build, next to the same walk of N/100 elements; flat is the goal.
#  2. speed: seqs.zl (sequence-heavy, eager before) and start-up (hello.zl), at BASE (a commit)
#     and at the working tree, in one hyperfine run each.
# Usage: bench/lazy/run.sh [BASE] [N] [RUNS]   (defaults: main, 100000000, 5)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
base="${1:-main}"; n="${2:-100000000}"; runs="${3:-5}"
work="$root/.build/bench-lazy"
rm -rf "$work" && mkdir -p "$work"

walks=(
  "(reduce + (take $n (range)))"
  "(dorun (map inc (range $n)))"
  "(count (filter even? (range $n)))"
)
echo "## Maximum RSS walking lazy sequences (N = $n, and N/100)"
echo "| engine | expression | N/100: s, MB | N: s, MB |"
echo "|---|---|---:|---:|"
measure() { # command... -> "seconds, MB"
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null
  read -r s kb <"$work/time"; echo "$s s, $((kb / 1024)) MB"
}
small=$((n / 100))
for engine in interp il tiered; do
  for w in "${walks[@]}"; do
    ws="${w//$n/$small}"
    echo "| $engine | \`$w\` | $(measure "$root/zylisp" eval --engine "$engine" "(prn $ws)") | $(measure "$root/zylisp" eval --engine "$engine" "(prn $w)") |"
  done
done
if command -v go >/dev/null; then
  for w in "${walks[@]}"; do
    ws="${w//$n/$small}"
    printf '(prn %s)\n' "$w" >"$work/walk.zl"; printf '(prn %s)\n' "$ws" >"$work/walk-small.zl"
    "$root/zylisp" build --target go "$work/walk.zl" -o "$work/walk" >/dev/null
    "$root/zylisp" build --target go "$work/walk-small.zl" -o "$work/walk-small" >/dev/null
    echo "| go | \`$w\` | $(measure "$work/walk-small") | $(measure "$work/walk") |"
  done
fi
# Native executables (zylisp build --target native): the same walks.
for w in "${walks[@]}"; do
  ws="${w//$n/$small}"
  printf '(prn %s)\n' "$w" >"$work/walk.zl"; printf '(prn %s)\n' "$ws" >"$work/walk-small.zl"
  "$root/zylisp" build --target native "$work/walk.zl" -o "$work/walk-native" >/dev/null
  "$root/zylisp" build --target native "$work/walk-small.zl" -o "$work/walk-native-small" >/dev/null
  echo "| native | \`$w\` | $(measure "$work/walk-native-small") | $(measure "$work/walk-native") |"
done

echo
echo "## Speed against $base"
git -C "$root" worktree add --detach "$work/base-src" "$base" >/dev/null 2>&1
trap 'git -C "$root" worktree remove --force "$work/base-src" >/dev/null 2>&1 || true' EXIT
publish() { dotnet publish "$1/src/Zylisp.Cli/Zylisp.Cli.csproj" -c Release --nologo -v quiet -r linux-x64 --self-contained false --artifacts-path "$2.artifacts" -o "$2" >/dev/null; }
publish "$work/base-src" "$work/base"
publish "$root" "$work/head"
for prog in "$here/seqs.zl" "$root/bench/startup/hello.zl"; do
  [ "$("$work/base/zylisp" run "$prog")" = "$("$work/head/zylisp" run "$prog")" ] || { echo "outputs differ for $prog" >&2; exit 1; }
  hyperfine --shell=none --warmup 2 --runs "$runs" --export-json "$work/$(basename "$prog" .zl).json" \
    -n "$(basename "$prog") @ $base" "$work/base/zylisp run $prog" \
    -n "$(basename "$prog") @ working tree" "$work/head/zylisp run $prog" >/dev/null
  python3 - "$work/$(basename "$prog" .zl).json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
b, h = r[0], r[1]
print(f"| {b['command'].split()[-1].split('/')[-1]} | base {b['median']*1000:.0f} ms | head {h['median']*1000:.0f} ms | head/base {h['median']/b['median']:.2f} | CPU head/base {(h['user']+h['system'])/(b['user']+b['system']):.2f} |")
PY
done

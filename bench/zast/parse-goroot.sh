#!/usr/bin/env bash
# zast measurements 1 and 3 over a Go source tree (default: the installed GOROOT's src).
#   1. byte-for-byte agreement of the C# parser+writer with zast-oracle (go/parser), pretty form
#   3. wall time of parse+write of the whole tree, C# versus the Go oracle, interleaved runs,
#      both using every core (the oracle as one process per core over a share of the files,
#      the C# driver with Parallel.ForEach), both writing compact .zast files to a tmpfs.
# Usage: bench/zast/parse-goroot.sh [GOROOT_SRC] [RUNS]   (ZAST_BENCH_SKIP_COMPARE=1: timings only)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
src=${1:-$(go env GOROOT)/src}
runs=${2:-5}
work=$(mktemp -d /tmp/zast-bench.XXXXXX)
shm=${ZAST_BENCH_OUT:-/dev/shm}/zast-bench.$$
trap 'rm -rf "$work" "$shm"' EXIT
cores=$(nproc)

(cd "$repo/corpus/go-ast-coverage/tools" && GOTOOLCHAIN=local go build -o "$work/zast-oracle" .)
dotnet build -c Release "$repo/bench/zast/ZastBench" -o "$work/cs" >/dev/null
bench="dotnet $work/cs/ZastBench.dll"

find -L "$src" -name '*.go' -not -path '*/testdata/*' | sort > "$work/files.txt"
count=$(wc -l < "$work/files.txt")
bytes=$(tr '\n' '\0' < "$work/files.txt" | xargs -0 cat | wc -c)
echo "tree: $src — $count files, $bytes bytes"

# Measurement 1: pretty output of both, compared file by file (ZAST_BENCH_SKIP_COMPARE=1 skips it).
if [ -z "${ZAST_BENCH_SKIP_COMPARE:-}" ]; then
"$work/zast-oracle" -root "$src" -o "$work/oracle" -list "$work/files.txt" || true
$bench compare "$src" "$work/files.txt" "$work/oracle" "$work/compare.txt" >/dev/null || true
head -1 "$work/compare.txt"
cp "$work/compare.txt" "${ZAST_BENCH_REPORT:-/tmp/zast-compare-report.txt}"
rm -rf "$work/oracle"
fi

# Measurement 3: interleaved timed runs. Wall time is the measure; CPU time (user+sys of the
# whole process tree) is recorded too, because on a shared machine it is the steadier figure.
split -n "r/$cores" "$work/files.txt" "$work/share."
go_cmd="for share in $work/share.*; do $work/zast-oracle -compact -root $src -o $shm/go -list \$share & done; wait"
cs_cmd="$bench write $src $work/files.txt $shm/cs 2>/dev/null"
timed() { /usr/bin/time -f "%e %U %S" -o "$work/time" bash -c "$1"; awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/time"; }
go_wall=(); go_cpu=(); cs_wall=(); cs_cpu=()
for i in $(seq "$runs"); do
  rm -rf "$shm"; read -r w c < <(timed "$go_cmd"); go_wall+=("$w"); go_cpu+=("$c")
  rm -rf "$shm"; read -r w c < <(timed "$cs_cmd"); cs_wall+=("$w"); cs_cpu+=("$c")
  echo "run $i: go oracle ${go_wall[-1]} s wall (${go_cpu[-1]} s cpu), c# ${cs_wall[-1]} s wall (${cs_cpu[-1]} s cpu)"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
gw=$(median "${go_wall[@]}"); cw=$(median "${cs_wall[@]}"); gc=$(median "${go_cpu[@]}"); cc=$(median "${cs_cpu[@]}")
echo "median of $runs: wall go oracle $gw s, c# $cw s, c#/go = $(echo "scale=3; $cw / $gw" | bc)"
echo "median of $runs: cpu  go oracle $gc s, c# $cc s, c#/go = $(echo "scale=3; $cc / $gc" | bc)"

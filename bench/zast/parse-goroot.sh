#!/usr/bin/env bash
# zast measurements 1 and 3 over a Go source tree (default: the installed GOROOT's src).
#   1. byte-for-byte agreement of the C# parser+writer with zast-oracle (go/parser), pretty form
#   3. wall time of parse+write of the whole tree, C# versus the Go oracle, interleaved runs,
#      both using every core (the oracle as one process per core over a share of the files,
#      the C# driver with Parallel.ForEach), both writing compact .zast files to a tmpfs.
# Usage: bench/zast/parse-goroot.sh [GOROOT_SRC] [RUNS]
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

# Measurement 1: pretty output of both, compared file by file.
"$work/zast-oracle" -root "$src" -o "$work/oracle" -list "$work/files.txt" || true
$bench compare "$src" "$work/files.txt" "$work/oracle" "$work/compare.txt" || true
head -1 "$work/compare.txt"
cp "$work/compare.txt" "${ZAST_BENCH_REPORT:-/tmp/zast-compare-report.txt}"
rm -rf "$work/oracle"

# Measurement 3: interleaved timed runs.
split -n "r/$cores" "$work/files.txt" "$work/share."
go_run() {
  for share in "$work"/share.*; do
    "$work/zast-oracle" -compact -root "$src" -o "$shm/go" -list "$share" &
  done
  wait
}
cs_run() { $bench write "$src" "$work/files.txt" "$shm/cs" 2>/dev/null; }
now() { date +%s.%N; }
go_times=(); cs_times=()
for i in $(seq "$runs"); do
  rm -rf "$shm"; t0=$(now); go_run; t1=$(now); go_times+=("$(echo "$t1 - $t0" | bc)")
  rm -rf "$shm"; t0=$(now); cs_run; t1=$(now); cs_times+=("$(echo "$t1 - $t0" | bc)")
  echo "run $i: go ${go_times[-1]} s, c# ${cs_times[-1]} s"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
go_median=$(median "${go_times[@]}"); cs_median=$(median "${cs_times[@]}")
echo "median of $runs: go oracle $go_median s, c# $cs_median s, c#/go = $(echo "scale=3; $cs_median / $go_median" | bc)"

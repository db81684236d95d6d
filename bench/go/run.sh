#!/usr/bin/env bash
# Go backend benchmarks (docs/benchmarks.md, "Go backend"). Whole processes, medians of $RUNS runs,
# every baseline measured in the same run. Usage: bench/go/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zylisp=./zylisp
$zylisp version >/dev/null 2>&1 || true   # publish once, outside the timings

# Median CPU time (user + system, children included) in milliseconds of running "$@" $runs
# times, output discarded. CPU time, not wall time: the shared machine's load (often 40+ on 2
# cores) stretches wall time by whatever else runs. Set BENCH_WALL=1 for wall-clock medians.
median() {
  local times=()
  for _ in $(seq "$runs"); do
    local t
    /usr/bin/time -o "$work/time" -f "%e %U %S" "$@" >/dev/null 2>&1 || true
    t=$(tail -1 "$work/time")
    if [ "${BENCH_WALL:-0}" = 1 ]; then
      times+=($(awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%d", a[1] * 1000 }'))
    else
      times+=($(awk -v t="$t" 'BEGIN { split(t, a, " "); printf "%d", (a[2] + a[3]) * 1000 }'))
    fi
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo "go: $(go version); load: $(cut -d' ' -f1-3 /proc/loadavg); times are ${BENCH_WALL:+wall }${BENCH_WALL:-CPU} ms, medians of $runs"
(cd bench/go/fib_go && go build -trimpath -o "$work/fib_go" .)
$zylisp compile bench/go/fib_typed.zl -o "$work/fib_typed"
$zylisp compile bench/go/fib_untyped.zl -o "$work/fib_untyped"
for f in fib_go fib_typed fib_untyped; do
  out=$("$work/$f" 30); [ "$out" = 832040 ] || { echo "$f printed $out"; exit 1; }
done
go_ms=$(median "$work/fib_go" 38)
typed_ms=$(median "$work/fib_typed" 38)
untyped_ms=$(median "$work/fib_untyped" 38)
echo "fib(38) handwritten Go: ${go_ms} ms"
echo "fib(38) typed deffunc:  ${typed_ms} ms  ($(ratio "$typed_ms" "$go_ms")x handwritten; target <= 1.1x)"
echo "fib(38) untyped defn:   ${untyped_ms} ms  ($(ratio "$untyped_ms" "$go_ms")x handwritten typed Go; target <= 3x)"

# Compiler overhead: zylisp compile (front end + Go emission + go build) against go build of the
# same module alone, with the flags zylisp passes (GoToolchain.BuildFlags), both with a warm Go
# build cache. ZYLISP_GO_TIMINGS=1 zylisp compile ... shows where zylisp's share goes.
$zylisp compile bench/go/fib_untyped.zl --emit go -o "$work/module"
(cd "$work/module" && go build -trimpath -gcflags=zylisp.dev/program/rt=-l=4 -o "$work/warm" .)
compile_ms=$(median $zylisp compile bench/go/fib_untyped.zl -o "$work/fib_again")
gobuild_ms=$(median bash -c "cd '$work/module' && go build -trimpath -gcflags=zylisp.dev/program/rt=-l=4 -o '$work/fib_plain' ." )
echo "zylisp compile: ${compile_ms} ms; go build alone: ${gobuild_ms} ms; overhead $((compile_ms - gobuild_ms)) ms (target <= 100 ms)"
# ZYLISP_BEFORE=/path/to/an/older/published/zylisp also times that build's compile in this run,
# for a before/after comparison under the same load.
if [ -n "${ZYLISP_BEFORE:-}" ]; then
  before_ms=$(median "$ZYLISP_BEFORE" compile bench/go/fib_untyped.zl -o "$work/fib_before")
  echo "zylisp compile with ZYLISP_BEFORE: ${before_ms} ms; overhead $((before_ms - gobuild_ms)) ms"
fi

# Allocation-heavy work: word frequencies in a persistent map over 10 MB of text.
awk 'BEGIN { srand(7); n = 0; while (n < 10 * 1024 * 1024) { w = "w" int(rand() * rand() * 5000); printf "%s ", w; n += length(w) + 1 } }' > "$work/words.txt"
$zylisp compile bench/go/wordcount.zl -o "$work/wordcount"
[ "$("$work/wordcount" "$work/words.txt")" = "$($zylisp run bench/go/wordcount.zl "$work/words.txt")" ] || { echo "wordcount outputs differ"; exit 1; }
wc_go=$(median "$work/wordcount" "$work/words.txt")
wc_interp=$(median $zylisp run --engine interp bench/go/wordcount.zl "$work/words.txt")
wc_il=$(median $zylisp run --engine il bench/go/wordcount.zl "$work/words.txt")
echo "word count, 10 MB: go binary ${wc_go} ms; zylisp run --engine interp ${wc_interp} ms (interp / go = $(ratio "$wc_interp" "$wc_go")); --engine il ${wc_il} ms (il / go = $(ratio "$wc_il" "$wc_go"))"

#!/usr/bin/env bash
# The native lazy-walk memory repro (issue 13): the same walk of 10^6 elements through a lazy-seq
# closure that captures itself and one value and one that captures one value more (which grew
# ~100 B an element until the collector stopped scanning its own cells as roots; both are flat
# now). Prints each walk's time and maximum RSS. bench/lazy/native-memory.sh measures more walks
# at 10^6-10^8 elements; bench/native/gc-roots/gc-roots.sh shows which roots keep blocks alive.
# Usage: bench/native/lazy-walk.sh [N]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
n="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/two.zl" <<ZL
(defn nums [x] (lazy-seq (when (< x $n) (cons x (nums (inc x))))))
(prn (count (nums 0)))
ZL
cat > "$work/three.zl" <<ZL
(defn nums [x y] (lazy-seq (when (< x $n) (cons x (nums (inc x) y)))))
(prn (count (nums 0 7)))
ZL
cat > "$work/iterate.zl" <<ZL
(prn (count (take $n (iterate inc 0))))
ZL
for walk in two three iterate; do
  "$root/zylisp" build --target native "$work/$walk.zl" -o "$work/$walk" >/dev/null
  /usr/bin/time -f "$walk-capture walk, N=$n: %e s, %M KiB" "$work/$walk" >/dev/null
done

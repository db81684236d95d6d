#!/usr/bin/env bash
# Issue 13 on the native backend: walking a lazy sequence without holding it runs in constant
# memory. Builds each walk with `zylisp build --target native` for every N given and prints the
# built program's wall time and maximum RSS (/usr/bin/time), as a markdown table. Flat RSS
# across N is the goal; any early cell kept alive costs about 100 bytes an element.
# Usage: bench/lazy/native-memory.sh [N...]   (default: 1000000 10000000 100000000)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000 100000000)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Each walk is a program, N where the size goes.
walks=(
  "(prn (dorun (map inc (range N))))"
  "(prn (reduce + (take N (range))))"
  "(prn (count (filter even? (range N))))"
  "(prn (count (take N (iterate inc 0))))"
  "(defn nums [x] (lazy-seq (when (< x N) (cons x (nums (inc x)))))) (prn (count (nums 0)))"
  "(defn nums [x y z] (lazy-seq (when (< x N) (cons x (nums (inc x) y z))))) (prn (count (nums 0 7 8)))"
  "(defn f [xs] (loop [s xs c 0] (if (seq s) (recur (rest s) (inc c)) c))) (prn (f (range N)))"
  "(defn g [n] (let [xs (map inc (range n))] (loop [s xs c 0] (if-let [q (seq s)] (recur (rest q) (+ c (first q))) c)))) (prn (g N))"
  "(prn (last (map inc (range N))))"
)
names=("map" "reduce/take" "filter" "take/iterate" "lazy-seq, 2 captures" "lazy-seq, 4 captures"
  "loop over a parameter" "loop over a let local" "last")

header="| walk |"; rule="|---|"
for n in "${sizes[@]}"; do header="$header N=$n: s, MB |"; rule="$rule---:|"; done
echo "$header"; echo "$rule"
for i in "${!walks[@]}"; do
  row="| ${names[$i]}: \`${walks[$i]}\` |"
  for n in "${sizes[@]}"; do
    printf '%s\n' "${walks[$i]//N/$n}" >"$work/walk.zl"
    "$root/zylisp" build --target native "$work/walk.zl" -o "$work/walk" >/dev/null
    /usr/bin/time -f "%e %M" -o "$work/time" "$work/walk" >/dev/null
    read -r seconds kib <"$work/time"
    row="$row $seconds s, $(awk "BEGIN { printf \"%.1f\", $kib / 1024 }") MB |"
  done
  echo "$row"
done

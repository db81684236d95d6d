#!/usr/bin/env bash
# Issue 13's "matching stays linear-time on hostile patterns": built native programs run
# (a*)*b and (a|a)*b (exponential for a backtracking matcher) over runs of a's of 2^14 to 2^20
# characters, and \w+ over ordinary words. Prints each run's time and maximum RSS; time should
# grow with the length, about 8x per 8x.
# Usage: bench/native/regex-hostile.sh [ZYLISP]   (default: ./zylisp of this checkout)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
zylisp="${1:-$root/zylisp}"  # a command, split on spaces ("dotnet path/zylisp.dll" works)
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for pattern in '(a*)*b' '(a|a)*b'; do
  for doublings in 14 17 20; do
    cat > "$work/p.zl" <<ZL
(def s (loop [s "a" n 0] (if (< n $doublings) (recur (str s s) (inc n)) s)))
(prn (re-find #"$pattern" s))
ZL
    $zylisp build --target native "$work/p.zl" -o "$work/p" >/dev/null
    /usr/bin/time -f "$pattern on 2^$doublings a's: %e s, %M KiB" "$work/p" >/dev/null
  done
done
cat > "$work/w.zl" <<ZL
(def s (loop [s "the quick brown fox " n 0] (if (< n 14) (recur (str s s) (inc n)) s)))
(prn (count (re-seq #"\w+" s)))
ZL
$zylisp build --target native "$work/w.zl" -o "$work/w" >/dev/null
/usr/bin/time -f "re-seq of words over 2^14 x 20 characters (65536 words): %e s, %M KiB" "$work/w" >/dev/null

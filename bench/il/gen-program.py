#!/usr/bin/env python3
"""Writes a deterministic 2,000-line Zylisp program for the on-disk cache benchmark (bench/il/cache.sh):
100 functions of 20 lines, each looping 20,000 times when -main calls it, so on the default
(tiered) engine every one of them gets hot and is compiled, as well as on --engine il."""
import sys

out = []
for i in range(100):
    out += [
        f"(defn f{i}",
        f"  \"Sums a polynomial in k, then folds it into a short string.\"",
        f"  [n]",
        f"  (loop [k 0",
        f"         acc {i}]",
        f"    (if (< k n)",
        f"      (recur (inc k)",
        f"             (+ acc (* k {i % 7 + 1}) (mod k {i % 5 + 2})))",
        f"      (let [v (mod acc 1000)",
        f"            tag (if (even? v) :even :odd)",
        f"            parts [\"f{i}\" (name tag) v]]",
        f"        (cond",
        f"          (= tag :even)",
        f"          (apply str (interpose \":\" parts))",
        f"          (> v 500)",
        f"          (str \"big-\" (apply str (interpose \"-\" parts)))",
        f"          :else",
        f"          (str \"small-\" (apply str (interpose \"-\" parts))))))))",
        f"",
        f"",
    ]
out += [
    "(defn -main []",
    "  (let [results (map (fn [f] (f 20000))",
    "                     [" + " ".join(f"f{i}" for i in range(100)) + "])]",
    "    (println (count results) (first results) (last results))",
    "    0))",
]
sys.stdout.write("\n".join(out) + "\n")

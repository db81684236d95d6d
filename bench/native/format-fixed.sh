#!/bin/sh
# format's %f natively vs the interpreter: 10^5 doubles with %.6f (format-fixed/fixed.zl), with
# %d, shortest str and the bare loop as baselines, whole processes (docs/benchmarks.md, "Native %f").
set -eu
here="$(cd "$(dirname "$0")" && pwd)"
zylisp="$here/../../zylisp"
out="$(mktemp -d)"
for p in fixed d str loop; do
  "$zylisp" build --target native "$here/format-fixed/$p.zl" -o "$out/$p"
done
hyperfine -N -w 1 -r "${1:-10}" "$out/fixed" "$out/d" "$out/str" "$out/loop" \
  "$zylisp run --engine interp $here/format-fixed/fixed.zl" "$zylisp run --engine interp $here/format-fixed/d.zl" \
  "$zylisp run --engine interp $here/format-fixed/loop.zl"
rm -rf "$out"

#!/usr/bin/env bash
# Benchmarks the zast canonical format's reader, builder and writer on oracle output for a
# slice of GOROOT (go/..., fmt, strconv, net/http). Needs go and dotnet; prints medians.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd ../../corpus/go-ast-coverage/tools && GOTOOLCHAIN=local go build -o "$work/zast-oracle" .)
src=$(go env GOROOT)/src
for pkg in go/ast go/parser go/printer go/scanner go/token fmt strconv net/http; do
  find -L "$src/$pkg" -maxdepth 1 -name '*.go'
done > "$work/list.txt"
"$work/zast-oracle" -root "$src" -o "$work/out" -list "$work/list.txt" || true
dotnet run -c Release -- "$work/out" "${RUNS:-5}"

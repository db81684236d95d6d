#!/usr/bin/env bash
# zast measurement 2: Go -> S-expression -> Go round trip over every gofmt-clean file of GOROOT.
# Go -> S-expr is the go/parser oracle (corpus/go-ast-coverage/tools); S-expr -> AST is
# ZastBuilder; AST -> Go is GoPrinter. Usage: bench/zast/roundtrip.sh [GOROOT] [PASSES]
set -euo pipefail
cd "$(dirname "$0")/../.."
goroot=${1:-$(go env GOROOT)}
passes=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

find -L "$goroot/src" -name '*.go' -not -path '*/testdata/*' | sort > "$work/all.txt"
# gofmt-clean: gofmt -l does not list the file.
xargs gofmt -l < "$work/all.txt" | sort > "$work/unclean.txt" || true
comm -23 "$work/all.txt" "$work/unclean.txt" > "$work/clean.txt"
echo "files: $(wc -l < "$work/all.txt"), gofmt-clean: $(wc -l < "$work/clean.txt")"

(cd corpus/go-ast-coverage/tools && GOTOOLCHAIN=local go build -o "$work/zast-oracle" .)
"$work/zast-oracle" -compact -root "$goroot/src" -o "$work/zast" -list "$work/clean.txt" || true

status=0
dotnet run -c Release --project bench/zast/RoundTrip -- "$goroot/src" "$work/zast" "$work/clean.txt" "$passes" || status=$?

# Position-less trees (as the Go backend builds them) must print gofmt-stable source.
dotnet run -c Release --no-build --project bench/zast/RoundTrip -- --strip-positions "$goroot/src" "$work/zast" "$work/clean.txt" "$work/nopos"
unstable=$(gofmt -l "$work/nopos" | wc -l)
echo "position-less: $(ls "$work/nopos" | wc -l) printed, $unstable changed by gofmt"
gofmt -l "$work/nopos" | sed 's|.*/||; s|%|/|g; s|^|UNSTABLE |'

# The same round trip with Zylisp's own parser in place of the oracle and the builder.
dotnet run -c Release --no-build --project bench/zast/RoundTrip -- --csharp-parser "$goroot/src" "$work/clean.txt" || status=$?
exit $status

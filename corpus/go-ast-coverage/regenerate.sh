#!/usr/bin/env bash
# Rewrites ast_archives/ from source/ with the Go oracle (go/parser + the canonical writer).
# Run after changing a source file or the oracle; CorpusTests fails while the archives are stale.
set -euo pipefail
cd "$(dirname "$0")"
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
(cd tools && GOTOOLCHAIN=local go build -o "$bin/zast-oracle" .)
rm -rf ast_archives
find source -name '*.go' | LC_ALL=C sort > "$bin/inputs.txt"
"$bin/zast-oracle" -root source -o ast_archives -list "$bin/inputs.txt"
echo "wrote $(find ast_archives -name '*.zast' | wc -l) archives"

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
# Exit status 1 means some file had syntax errors, which is the point of source/_syntax_errors/
# (its archives are go/parser's partial trees plus NAME.go.err) and a mistake anywhere else.
status=0
"$bin/zast-oracle" -root source -o ast_archives -list "$bin/inputs.txt" || status=$?
if [ "$status" -gt 1 ]; then exit "$status"; fi
unexpected=$(find ast_archives -name '*.err' ! -path 'ast_archives/_syntax_errors/*')
if [ -n "$unexpected" ]; then
  echo "syntax errors outside source/_syntax_errors/:" >&2
  cat $unexpected >&2
  exit 1
fi
for src in source/_syntax_errors/*.go; do
  if [ ! -f "ast_archives/${src#source/}.err" ]; then
    echo "$src parses without errors: it belongs elsewhere in source/" >&2
    exit 1
  fi
done
echo "wrote $(find ast_archives -name '*.zast' | wc -l) archives, $(find ast_archives -name '*.err' | wc -l) error lists"

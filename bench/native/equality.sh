#!/usr/bin/env bash
# = ported to the low-level typed subset (Library/37-equality.zl, docs/design/native-typed.md),
# against the code they replaced, in one run: bench/native/port-compare.sh over runtime_equality.zl.
# Usage: ZYLISP_BEFORE=/path/to/old/zylisp [ZYLISP_AFTER=/path/to/zylisp] bench/native/equality.sh [RUNS] [OPS...]
set -euo pipefail
runs="${1:-5}"; shift || true
ops=("$@")
[ ${#ops[@]} -gt 0 ] || ops=(fixnum identical string string-differ keyword keyword-differ map vector-ints vector-ints-differ vector-strings vector-pairs)
exec "$(cd "$(dirname "$0")" && pwd)/port-compare.sh" runtime_equality.zl 20000000 "$runs" "${ops[@]}"

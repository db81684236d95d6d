#!/usr/bin/env bash
# Vector, set and map operations ported to the low-level typed subset (docs/design/native-typed.md),
# against the code they replaced, in one run: bench/native/port-compare.sh over runtime_collections.zl.
# Usage: ZYLISP_BEFORE=/path/to/old/zylisp [ZYLISP_AFTER=/path/to/zylisp] bench/native/collection-ports.sh [RUNS] [OPS...]
set -euo pipefail
runs="${1:-5}"; shift || true
ops=("$@")
[ ${#ops[@]} -gt 0 ] || ops=(set-contains set-miss set-contains-int set-contains-string set-contains-vector set-conj set-disj vector-conj vector-assoc subvec pop nth)
exec "$(cd "$(dirname "$0")" && pwd)/port-compare.sh" runtime_collections.zl 2000000 "$runs" "${ops[@]}"

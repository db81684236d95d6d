#!/usr/bin/env bash
# The long fuzz campaign of issue 15, run by hand (CI runs the same targets with a few thousand
# inputs and fixed seeds). ZYLISP_FUZZ_INPUTS is the Lang total, split between the reader (98.5%),
# the whole engine: expander, analyzer, interpreter (1%), and the printer on deep and cyclic values
# (0.5%); the zast reader/builder and the Go parser each get 1% of it.
# Usage: bench/fuzz/run.sh [INPUTS [SEED]]   (defaults: 1000000, 15)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
export ZYLISP_FUZZ_INPUTS="${1:-1000000}"
export ZYLISP_FUZZ_SEED="${2:-15}"
start=$(date +%s)
dotnet test "$root/tests/Zylisp.Lang.Tests" --filter "FullyQualifiedName~Fuzzing" --logger "console;verbosity=normal"
dotnet test "$root/tests/Zylisp.Zast.Tests" --filter "FullyQualifiedName~Fuzzing" --logger "console;verbosity=normal"
echo "fuzz campaign: $ZYLISP_FUZZ_INPUTS Lang inputs (+ 2 x $((ZYLISP_FUZZ_INPUTS / 100)) zast/Go), seed $ZYLISP_FUZZ_SEED, $(( $(date +%s) - start )) s"

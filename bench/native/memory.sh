#!/usr/bin/env bash
# Allocation churn and the resident set (issue 12). bench/native/churn.zl allocates 10^8
# short-lived two-element vectors, one live at a time. Whole processes, timed with /usr/bin/time:
#   1. the native executable at 10^8 objects: max RSS (target ≤ 64 MB), wall and CPU;
#   2. the same program at 10^7 objects (the baselines are slow at 10^8) on the native
#      executable, `zylisp run --engine il`, and the Go build (`zylisp build --target go`).
# Medians over RUNS runs (default 3). CPU = user + system, the figure to trust on a loaded machine.
# Usage: bench/native/memory.sh [RUNS]
set -euo pipefail
runs="${1:-3}"
here="$(cd "$(dirname "$0")" && pwd)"
zylisp="$here/../../zylisp"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

sed 's/100000000/10000000/' "$here/churn.zl" > "$work/churn7.zl"
"$zylisp" build --target native "$here/churn.zl" -o "$work/native8"
"$zylisp" build --target native "$work/churn7.zl" -o "$work/native7"
have_go=0
if command -v go >/dev/null; then
  "$zylisp" build --target go "$work/churn7.zl" -o "$work/go7"
  have_go=1
fi

# measure LABEL EXPECTED-STDOUT COMMAND...: one line of medians (wall s, CPU s, max RSS MB).
measure() {
  local label="$1" expected="$2"
  shift 2
  : > "$work/times"
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" > "$work/out"
    [ "$(cat "$work/out")" = "$expected" ] || { echo "$label printed $(cat "$work/out"), expected $expected" >&2; exit 1; }
    cat "$work/t" >> "$work/times"
  done
  python3 - "$label" "$work/times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[2]) if line.strip()]
wall = statistics.median(float(r[0]) for r in rows)
cpu = statistics.median(float(r[1]) + float(r[2]) for r in rows)
rss = statistics.median(int(r[3]) for r in rows) / 1024
print(f"{sys.argv[1]:<40} wall {wall:6.2f} s  cpu {cpu:6.2f} s  max RSS {rss:7.1f} MB")
PY
}

echo "runs: $runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "native, 10^8 objects" 200000000 "$work/native8"
measure "native, 10^7 objects" 20000000 "$work/native7"
measure "zylisp run --engine il, 10^7 objects" 20000000 "$zylisp" run --engine il "$work/churn7.zl"
if [ "$have_go" = 1 ]; then
  measure "Go build, 10^7 objects" 20000000 "$work/go7"
else
  echo "go not installed: no Go baseline in this run"
fi

#!/usr/bin/env bash
# Error-path agreement: damage N random files of a Go tree (delete a span, duplicate a span,
# overwrite or insert a delimiter; seeded, so reproducible) and compare the C# parser's trees
# and error lists with zast-oracle's. Usage: bench/zast/damaged-sources.sh [GOROOT_SRC] [N]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
src=${1:-$(go env GOROOT)/src}
n=${2:-600}
work=$(mktemp -d /tmp/zast-damaged.XXXXXX)
trap 'rm -rf "$work"' EXIT
(cd "$repo/corpus/go-ast-coverage/tools" && GOTOOLCHAIN=local go build -o "$work/zast-oracle" .)
dotnet build -c Release "$repo/bench/zast/ZastBench" -o "$work/cs" >/dev/null
find -L "$src" -name '*.go' -not -path '*/testdata/*' | sort > "$work/files.txt"
mkdir -p "$work/damaged"
python3 - "$work/files.txt" "$work/damaged" "$n" > "$work/damaged.txt" <<'PY'
import os, random, sys
files = [line.strip() for line in open(sys.argv[1])]
out, n = sys.argv[2], int(sys.argv[3])
random.seed(7)
random.shuffle(files)
for i, path in enumerate(files[:n]):
    b = open(path, 'rb').read()
    if len(b) < 50:
        continue
    at = random.randrange(len(b))
    kind = i % 4
    if kind == 0:
        b = b[:at] + b[at + random.randint(1, 30):]
    elif kind == 1:
        s = random.randrange(len(b)); b = b[:at] + b[s:s + random.randint(1, 30)] + b[at:]
    elif kind == 2:
        b = b[:at] + bytes([random.choice(b'(){}[],;:.*=<-~|"\'`/\n ')]) + b[at + 1:]
    else:
        b = b[:at] + bytes([random.choice(b'(){}[],;:.*=<-~|')]) + b[at:]
    target = os.path.join(out, 'm%04d.go' % i)
    open(target, 'wb').write(b)
    print(target)
PY
"$work/zast-oracle" -root "$work/damaged" -o "$work/oracle" -list "$work/damaged.txt" || true
dotnet "$work/cs/ZastBench.dll" compare "$work/damaged" "$work/damaged.txt" "$work/oracle" "${ZAST_BENCH_REPORT:-/tmp/zast-damaged-report.txt}" || true

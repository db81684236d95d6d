#!/usr/bin/env bash
# Which roots keep heap blocks alive in a native executable, at its Nth collection: the
# diagnostic that found issue 13's lazy-walk leaks (docs/design/native-backend.md, "Roots").
# Runs EXE under gdb, stops at gc-collect's Nth call and prints every scanned word that points
# into an in-use block (gc_roots.py). Needs gdb and python3.
# Usage: bench/native/gc-roots/gc-roots.sh EXE [N] [ARGS...]   (N defaults to 3)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exe="$1"; nth="${2:-3}"; shift $(( $# > 1 ? 2 : 1 ))
command -v gdb >/dev/null || { echo "gc-roots.sh needs gdb" >&2; exit 2; }
# gc-collect is the one routine that pushes all 15 registers, then increments the collection
# count: `inc qword [r15+disp32]`, the collector's last cell (HeapCells: ten words).
read -r gc cells writable < <(python3 - "$exe" <<'PY'
import struct, sys
image = open(sys.argv[1], 'rb').read()
pushes = bytes([0x50, 0x53, 0x51, 0x52, 0x56, 0x57, 0x55] + [0x41, 0x50, 0x41, 0x51, 0x41, 0x52, 0x41, 0x53,
                0x41, 0x54, 0x41, 0x55, 0x41, 0x56, 0x41, 0x57])
at = image.find(pushes)
if at < 0 or image.find(pushes, at + 1) >= 0:
    sys.exit("gc-roots.sh: cannot find gc-collect (is this a native executable built with a collector?)")
inc = image[at + len(pushes):at + len(pushes) + 7]
if inc[:3] != bytes([0x49, 0xff, 0x87]):
    sys.exit("gc-roots.sh: gc-collect does not start as expected; update gc-roots.sh")
collections = struct.unpack_from('<i', inc, 3)[0]
phoff, = struct.unpack_from('<Q', image, 32)
count, = struct.unpack_from('<H', image, 56)
writable = 0
for k in range(count):
    header = phoff + 56 * k
    flags, = struct.unpack_from('<I', image, header + 4)
    vaddr, = struct.unpack_from('<Q', image, header + 16)
    memsz, = struct.unpack_from('<Q', image, header + 40)
    if flags == 6:
        writable = memsz
# The code segment is loaded at file offset 0.
vaddr0, = struct.unpack_from('<Q', image, phoff + 16)
print(hex(vaddr0 + at), collections - 72, writable)
PY
)
gdb -q -batch -ex "set \$gc=$gc" -ex "set \$cells=$cells" -ex "set \$writable=$writable" -ex "set \$nth=$nth" \
  -x "$here/gc_roots.py" -ex run --args "$exe" "$@"

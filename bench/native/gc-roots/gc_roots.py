# gdb script (source it with gdb -x): at the Nth collection of a native executable, lists every
# root word the collector scans that points into an in-use heap block (registers, the machine
# stack from rsp up to the entry's stack pointer, and the writable data area), with the block's
# type and, for lazy-seq, cons and closure cells, what they hold, then the raw stack with return
# addresses. A root that reaches an early cell of a lazy walk shows as a cons whose first item is
# small, or a realized lazy-seq at a low address. Set by gc-roots.sh: $gc (gc-collect's address),
# $cells (the first collector cell, an offset from r15), $writable (the data area's size), $nth.
# Layout: Emit/RuntimeCollector.cs (HeapLayout, HeapCells) and Values/ValueTags.cs (ObjectLayout).
import gdb, struct

inferior = gdb.selected_inferior()
GC = int(gdb.parse_and_eval('$gc'))
CELLS = int(gdb.parse_and_eval('$cells'))
WRITABLE = int(gdb.parse_and_eval('$writable'))
NTH = int(gdb.parse_and_eval('$nth'))
ENTRY_STACK = 32  # RuntimeCells.EntryStack
TYPES = {2: 'closure', 3: 'vector', 5: 'list', 20: 'lazy-seq', 21: 'cons'}


def word(address):
    return struct.unpack('<Q', bytes(inferior.read_memory(address, 8)))[0]


def register(name):
    return int(gdb.parse_and_eval('$' + name)) & (2**64 - 1)


def block_of(value, r15):
    """The block the collector's %mark-block! (Library/05-heap.zl) would mark for this word, or None."""
    probe = value - 1
    if probe < word(r15 + CELLS + 16) or probe >= word(r15 + CELLS + 24):
        return None
    chunk = word(r15 + CELLS)
    while chunk:
        blocks, end = word(chunk + 8), word(chunk + 16)
        if blocks <= probe < end:
            bit = (probe - blocks) >> 3
            while bit >= 0:
                if (word(chunk + 32 + (bit >> 6) * 8) >> (bit & 63)) & 1:
                    return blocks + bit * 8
                bit -= 1
            return None
        chunk = word(chunk)
    return None


def fixnum(value):
    return str(value >> 1) if value & 1 == 0 else hex(value)


def describe(block):
    size = word(block)
    kind = word(block + 8) & 0xff
    payload = block + 8
    text = f"block {block:#x} ({size & ~7} bytes, {'in use' if size & 1 else 'free'}) {TYPES.get(kind, f'type {kind}')}"
    if kind == 21:
        text += f" first={fixnum(word(payload + 16))} rest={word(payload + 24):#x}"
    elif kind == 20:
        text += f" thunk={word(payload + 8):#x} value={word(payload + 16):#x}"
    elif kind == 2:
        captures = ((size & ~7) - 32) // 8
        text += " captures=" + ",".join(hex(word(payload + 24 + 8 * i)) for i in range(captures))
    return text


def report():
    r15, rsp = register('r15'), register('rsp')
    top = word(r15 + ENTRY_STACK)
    print(f"collection {NTH}: rsp={rsp:#x} entry stack={top:#x}")
    for name in ['rax', 'rbx', 'rcx', 'rdx', 'rsi', 'rdi', 'rbp', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14']:
        block = block_of(register(name), r15)
        if block:
            print(f"  register {name} = {register(name):#x} -> {describe(block)}")
    for address in range(rsp, top + 8, 8):
        block = block_of(word(address), r15)
        if block:
            print(f"  stack rsp+{address - rsp:#x} = {word(address):#x} -> {describe(block)}")
    for address in range(r15, r15 + WRITABLE, 8):
        block = block_of(word(address), r15)
        if block:
            own = " (a collector cell: not scanned)" if CELLS <= address - r15 < CELLS + 80 or address - r15 == 64 else ""
            print(f"  data +{address - r15:#x} = {word(address):#x} -> {describe(block)}{own}")
    print("raw stack (return addresses disassembled):")
    for address in range(rsp, top + 8, 8):
        value = word(address)
        note = ''
        if 0x400000 <= value < 0x800000:
            note = gdb.execute(f'x/i {value}', to_string=True).strip()
        print(f"  rsp+{address - rsp:#05x} {value:#018x} {note}")


class AtCollection(gdb.Breakpoint):
    def __init__(self):
        super().__init__(f'*{GC:#x}', internal=True)
        self.hits = 0

    def stop(self):
        self.hits += 1
        if self.hits != NTH:
            return False
        report()
        return True


AtCollection()

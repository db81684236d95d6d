using System.Buffers.Binary;
using Zylisp.Compiler.Native.Emit;

namespace Zylisp.Compiler.Native.Elf;

/// <summary>
/// Writes a static ELF64 x86-64 executable: no interpreter, no libc, no sections, three PT_LOAD
/// segments (code r-x, read-only data r--, writable data rw- with no file bytes). Each segment's
/// address is congruent to its file offset modulo the page size, and no two share a page.
/// </summary>
internal static class ElfWriter
{
    private const ulong ImageBase = 0x400000;
    private const ulong Page = 0x1000;
    private const int HeaderSize = 64;
    private const int ProgramHeaderSize = 56;
    private const int SegmentCount = 3;

    public static byte[] Write(CompiledCode compiled)
    {
        var codeOffset = (ulong)(HeaderSize + (ProgramHeaderSize * SegmentCount));
        var codeBase = ImageBase + codeOffset;
        var (code, result, rodata) = compiled.Assemble(codeBase);

        var rodataOffset = Align(codeOffset + (ulong)code.Length, 16);
        var rodataAddress = AlignUp(ImageBase + rodataOffset, Page) + (rodataOffset % Page);
        if (rodataAddress < ImageBase + rodataOffset + Page)
        {
            rodataAddress += Page;
        }

        var fileSize = rodataOffset + (ulong)rodata.Length;
        var writableOffset = fileSize;
        var writableAddress = AlignUp(rodataAddress + (ulong)rodata.Length, Page) + Page + (writableOffset % Page);
        var writableSize = (ulong)compiled.Data.WritableSize;

        // Patch the data bases into the start stub's table.
        var bases = result.Address(compiled.Bases) - codeBase;
        BinaryPrimitives.WriteUInt64LittleEndian(code.AsSpan((int)bases), writableAddress);
        BinaryPrimitives.WriteUInt64LittleEndian(code.AsSpan((int)bases + 8), rodataAddress);

        var image = new byte[fileSize];
        var span = image.AsSpan();
        WriteHeader(span, result.Address(compiled.Start));
        var ph = span[HeaderSize..];
        WriteSegment(ph, flags: 5, offset: 0, address: ImageBase, fileSize: codeOffset + (ulong)code.Length, memorySize: codeOffset + (ulong)code.Length);
        WriteSegment(ph[ProgramHeaderSize..], flags: 4, offset: rodataOffset, address: rodataAddress, fileSize: (ulong)rodata.Length, memorySize: (ulong)rodata.Length);
        WriteSegment(ph[(2 * ProgramHeaderSize)..], flags: 6, offset: writableOffset, address: writableAddress, fileSize: 0, memorySize: writableSize);
        code.CopyTo(span[(int)codeOffset..]);
        rodata.CopyTo(span[(int)rodataOffset..]);
        return image;
    }

    private static void WriteHeader(Span<byte> h, ulong entry)
    {
        h[0] = 0x7f;
        h[1] = (byte)'E';
        h[2] = (byte)'L';
        h[3] = (byte)'F';
        h[4] = 2; // 64-bit
        h[5] = 1; // little-endian
        h[6] = 1; // ELF version
        BinaryPrimitives.WriteUInt16LittleEndian(h[16..], 2); // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(h[18..], 62); // EM_X86_64
        BinaryPrimitives.WriteUInt32LittleEndian(h[20..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(h[24..], entry);
        BinaryPrimitives.WriteUInt64LittleEndian(h[32..], HeaderSize); // program headers follow
        BinaryPrimitives.WriteUInt64LittleEndian(h[40..], 0); // no section headers
        BinaryPrimitives.WriteUInt16LittleEndian(h[52..], HeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[54..], ProgramHeaderSize);
        BinaryPrimitives.WriteUInt16LittleEndian(h[56..], SegmentCount);
        BinaryPrimitives.WriteUInt16LittleEndian(h[58..], 64);
    }

    private static void WriteSegment(Span<byte> p, uint flags, ulong offset, ulong address, ulong fileSize, ulong memorySize)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(p, 1); // PT_LOAD
        BinaryPrimitives.WriteUInt32LittleEndian(p[4..], flags);
        BinaryPrimitives.WriteUInt64LittleEndian(p[8..], offset);
        BinaryPrimitives.WriteUInt64LittleEndian(p[16..], address);
        BinaryPrimitives.WriteUInt64LittleEndian(p[24..], address);
        BinaryPrimitives.WriteUInt64LittleEndian(p[32..], fileSize);
        BinaryPrimitives.WriteUInt64LittleEndian(p[40..], memorySize);
        BinaryPrimitives.WriteUInt64LittleEndian(p[48..], Page);
    }

    private static ulong Align(ulong value, ulong alignment) => (value + alignment - 1) & ~(alignment - 1);

    private static ulong AlignUp(ulong value, ulong alignment) => Align(value, alignment);
}

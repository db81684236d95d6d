using System.Runtime.InteropServices;
using System.Text;
using Zylisp.Compiler.Native.Emit;

namespace Zylisp.Compiler.Native.Jit;

/// <summary>
/// <c>--engine native</c>: the same machine code as the executable, placed in mmap'd pages of
/// this process and called through an unmanaged function pointer. The code is position-independent
/// (data through r14/r15), so only the code bytes are assembled for their address. It runs on its
/// own thread with a known stack, so the stack guard has a real limit. A crash in generated code
/// ends this process: hosts that must survive one (the nREPL) run native sessions in workers.
/// </summary>
internal static unsafe partial class InProcessRunner
{
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int ProtExec = 4;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;
    private const int StackSize = 256 << 20;
    private const int StackHeadroom = 1 << 20;

    public static int Run(CompiledCode compiled, IReadOnlyList<string> args)
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException("the native engine runs x86-64 code on Linux");
        }

        var status = 0;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    status = RunOnThisThread(compiled, args);
                }
                catch (Exception e) when (e is InvalidOperationException or PlatformNotSupportedException)
                {
                    failure = e;
                }
            },
            StackSize);
        thread.Start();
        thread.Join();
        return failure is null ? status : throw failure;
    }

    private static int RunOnThisThread(CompiledCode compiled, IReadOnlyList<string> args)
    {
        // Assemble once to learn the size, then map and assemble for the real address.
        var (probe, _, rodata) = compiled.Assemble(0x10000000);
        var codeSize = PageAlign(probe.Length);
        var code = Map(codeSize);
        var rodataSize = PageAlign(Math.Max(rodata.Length, 1));
        var readOnly = Map(rodataSize);
        var writableSize = PageAlign(compiled.Data.WritableSize);
        var writable = Map(writableSize);
        var argv = ArgumentBlock(args);
        try
        {
            var (bytes, result, _) = compiled.Assemble((ulong)code);
            Marshal.Copy(bytes, 0, code, bytes.Length);
            Marshal.Copy(rodata, 0, readOnly, rodata.Length);
            Protect(code, codeSize, ProtRead | ProtExec);
            Protect(readOnly, rodataSize, ProtRead);
            var entry = (delegate* unmanaged<nint, nint, nint, nint, int>)(nint)result.Address(compiled.Entry);
            var here = 0;
            var stackLimit = (nint)(&here) - (StackSize - StackHeadroom);
            return entry(writable, readOnly, stackLimit, argv.Block);
        }
        finally
        {
            Unmap(code, codeSize);
            Unmap(readOnly, rodataSize);
            Unmap(writable, writableSize);
            argv.Free();
        }
    }

    private static int PageAlign(int size) => (size + 4095) & ~4095;

    private static nint Map(int size)
    {
        var address = mmap(0, (nuint)size, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        return address == -1 ? throw new InvalidOperationException("mmap failed: " + Marshal.GetLastPInvokeError()) : address;
    }

    private static void Protect(nint address, int size, int protection)
    {
        if (mprotect(address, (nuint)size, protection) != 0)
        {
            throw new InvalidOperationException("mprotect failed: " + Marshal.GetLastPInvokeError());
        }
    }

    private static void Unmap(nint address, int size) => _ = munmap(address, (nuint)size);

    /// <summary>The layout the kernel gives a new process: argc, then argv pointers, then a null.</summary>
    private static ArgumentMemory ArgumentBlock(IReadOnlyList<string> args)
    {
        var strings = new List<nint> { Marshal.StringToCoTaskMemUTF8("zylisp") };
        strings.AddRange(args.Select(a => Marshal.StringToCoTaskMemUTF8(a)));
        var block = Marshal.AllocHGlobal((strings.Count + 2) * sizeof(nint));
        Marshal.WriteInt64(block, strings.Count);
        for (var i = 0; i < strings.Count; i++)
        {
            Marshal.WriteIntPtr(block, (i + 1) * sizeof(nint), strings[i]);
        }

        Marshal.WriteIntPtr(block, (strings.Count + 1) * sizeof(nint), 0);
        return new ArgumentMemory(block, strings);
    }

    private sealed record ArgumentMemory(nint Block, List<nint> Strings)
    {
        public void Free()
        {
            Strings.ForEach(Marshal.FreeCoTaskMem);
            Marshal.FreeHGlobal(Block);
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint mmap(nint addr, nuint length, int prot, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(nint addr, nuint length, int prot);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(nint addr, nuint length);
}

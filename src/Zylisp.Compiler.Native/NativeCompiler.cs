using Zylisp.Compiler.Native.Elf;
using Zylisp.Compiler.Native.Emit;
using Zylisp.Compiler.Native.Jit;

namespace Zylisp.Compiler.Native;

/// <summary>The native backend's entry points: a whole lowered program to an ELF executable or an assembly listing.</summary>
public static class NativeCompiler
{
    /// <summary>The bytes of a static Linux x86-64 executable for the program.</summary>
    /// <exception cref="NativeCompileException">The program uses something this backend does not support yet.</exception>
    public static byte[] BuildExecutable(NativeProgram program, NativeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        return ElfWriter.Write(ProgramCompiler.Compile(program, options ?? NativeOptions.Default));
    }

    /// <summary>The generated code, disassembled with Iced's formatter, with Zylisp function names as labels.</summary>
    public static string Disassemble(NativeProgram program, NativeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        return AsmListing.Format(ProgramCompiler.Compile(program, options ?? NativeOptions.Default));
    }

    /// <summary>
    /// Runs the program in this process (<c>--engine native</c>): the same code as the executable,
    /// in mmap'd executable pages. Output goes straight to file descriptors 1 and 2. Returns the exit status.
    /// </summary>
    public static int RunInProcess(NativeProgram program, IReadOnlyList<string> args, NativeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(args);
        return InProcessRunner.Run(ProgramCompiler.Compile(program, options ?? NativeOptions.Default), args);
    }
}

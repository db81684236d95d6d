using System.Collections.Immutable;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Lowering;

namespace Zylisp.Compiler.Native;

/// <summary>How a native program ends.</summary>
public enum ExitRule
{
    /// <summary>Like <c>zylisp run</c>: call -main (if defined) with the command-line arguments; its integer result is the status.</summary>
    CallMain,

    /// <summary>Like SLisp's <c>--compile EXPR</c>: the value of the last form is the status.</summary>
    LastValue,

    /// <summary>Like <c>zylisp eval</c>: print the last form's value readably, then exit 0.</summary>
    PrintLastValue,
}

/// <summary>A whole program for the native backend: every top-level form in order, lowered.</summary>
/// <param name="MainName">The global name of the entry point: -main of the main file's namespace.</param>
public sealed record NativeProgram(ImmutableArray<LTopLevel> Forms, Truthiness Truthiness, ExitRule Exit, string MainName = "-main");

using Iced.Intel;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// A mutable holder for one of Iced's labels. Iced's <see cref="Label"/> is a struct from another
/// assembly, and framework collections instantiated over another assembly's struct
/// (<c>Dictionary&lt;string, Label&gt;</c>, <c>List&lt;(Label, string)&gt;</c>) have no
/// ReadyToRun code: every native build would JIT-compile them again (docs/design/native-compile-latency.md).
/// Collections of this class share the framework's precompiled reference-type code.
/// </summary>
internal sealed class LabelCell(Label label)
{
    public Label Label { get; set; } = label;
}

/// <summary>A label with its name (a runtime routine, a function, a top-level form), for listings and pruning.</summary>
internal sealed record NamedLabel(string Name, Label Label);

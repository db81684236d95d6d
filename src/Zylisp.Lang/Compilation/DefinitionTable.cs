using System.Runtime.CompilerServices;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Compilation;

/// <summary>
/// The analyzed top-level form that last defined each global, kept so an ahead-of-time backend
/// can compile a program plus exactly the definitions it reaches. Owned by one engine; host
/// primitives have no entry. Kept beside the globals rather than in <see cref="Var"/>, so the
/// runtime does not depend on the analyzer's IR.
/// </summary>
public sealed class DefinitionTable
{
    private readonly ConditionalWeakTable<Var, TopLevel> definitions = [];

    /// <summary>The form that last defined <paramref name="global"/>, or null for a host primitive or an undefined global.</summary>
    public TopLevel? Of(Var global) => definitions.TryGetValue(global, out var top) ? top : null;

    internal void Record(Var global, TopLevel definition) => definitions.AddOrUpdate(global, definition);
}

using System.Collections.Immutable;
using System.Reflection;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Go.Tests;

/// <summary>Builds lowered IR by hand, so the emitter can be tested on exact shapes.</summary>
internal static class IrBuilder
{
    private static readonly Dictionary<string, Var> Vars = [];

    /// <summary>The Var of a global; Var's constructor is internal to Zylisp.Lang, so tests make them by reflection.</summary>
    public static Var Global(string name)
    {
        if (!Vars.TryGetValue(name, out var v))
        {
            v = (Var)Activator.CreateInstance(typeof(Var), BindingFlags.NonPublic | BindingFlags.Instance, null, [name], null)!;
            Vars[name] = v;
        }

        return v;
    }

    public static LocalBinding Local(string name, int slot) => new(name, slot, null);

    public static LocalOperand Read(LocalBinding b) => new(b, LocalAccess.Slot, b.Slot, null);

    public static GlobalOperand Ref(string name) => new(Global(name), null);

    public static ConstOperand Const(object? value) => new(value, null);

    public static CallExpr Call(Operand fn, params Operand[] args) => new(fn, [.. args], "test", null);

    public static TypeAnnotation Integer => new("integer", TypeKind.Integer);

    /// <summary>(def name (fn name ...)) at top level, lowered the way the lowerer shapes it.</summary>
    public static LTopLevel DefFn(string name, params LArity[] arities)
    {
        var temp = Local("fn", 0);
        var function = new LFunction(name, [.. arities], [], null);
        return new LTopLevel(
            [
                new AssignStmt(temp, new FnExpr(function, null), null),
                new ReturnStmt(new DefExpr(Global(name), Read(temp), PersistentMap.Empty, null), null),
            ],
            1);
    }

    public static LArity Arity(LocalBinding[] parameters, ImmutableArray<LStmt> body, TypeAnnotation?[]? types = null, TypeAnnotation? result = null, bool hasRecur = false) =>
        new([.. parameters], null, parameters.Length, body, hasRecur, types is null ? [] : [.. types], result);

    public static LTopLevel TopLevel(params LStmt[] body) => new([.. body], 4);
}

using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>One Go function generated for one arity of a top-level function.</summary>
internal sealed record StaticArity(LArity Arity, string GoName, bool Typed, GoType ReturnType, IReadOnlyList<GoType> ParamTypes)
{
    /// <summary>True when the body may return the trampoline's marker, so direct callers must settle it.</summary>
    public bool MayReturnMarker { get; set; }

    /// <summary>
    /// True for a typed arity that takes and checks a depth parameter: one that calls a function
    /// other than a primitive or Go, so it may recurse. A leaf such as the seed's
    /// <c>func add(a int, b int) int</c> cannot, and stays exactly what a person would write.
    /// </summary>
    public bool CountsDepth { get; set; }

    /// <summary>The typed record this arity constructs, when it is a typed record's positional constructor: its body is the struct literal.</summary>
    public TypedRecord? Constructs { get; init; }

    public bool Accepts(int count) => Arity.Rest is null ? count == Arity.RequiredCount : count >= Arity.RequiredCount;
}

/// <summary>
/// A global defined exactly once, by a top-level def of a fn that captures nothing: it becomes
/// plain Go functions (one per arity) and a package variable holding its function value.
/// </summary>
internal sealed record StaticFunction(Var Var, LFunction Function, LocalBinding Temp, string ValueName, IReadOnlyList<StaticArity> Arities)
{
    public StaticArity? ArityFor(int count) =>
        Arities.FirstOrDefault(a => a.Arity.Rest is null && a.Arity.RequiredCount == count) ?? Arities.FirstOrDefault(a => a.Accepts(count));
}

/// <summary>Whole-program facts the emitter needs: which globals are defined, and which are static functions.</summary>
internal sealed class ProgramPlan
{
    private ProgramPlan(Dictionary<Var, int> defCounts, Dictionary<Var, StaticFunction> statics, Dictionary<LocalBinding, StaticFunction> byTemp, HashSet<Var> varObjects, Dictionary<string, TypedRecord> records)
    {
        Records = records;
        VarObjects = varObjects;
        DefCounts = defCounts;
        Statics = statics;
        StaticsByTemp = byTemp;
    }

    public IReadOnlyDictionary<Var, int> DefCounts { get; }

    /// <summary>The vars the program uses as values: their globals carry metadata and source.</summary>
    public IReadOnlySet<Var> VarObjects { get; }

    public IReadOnlyDictionary<Var, StaticFunction> Statics { get; }

    /// <summary>The top-level temporary that held the fn of a static function, so reads of it become the function value.</summary>
    public IReadOnlyDictionary<LocalBinding, StaticFunction> StaticsByTemp { get; }

    /// <summary>The records with typed fields, by name: Go struct types.</summary>
    public IReadOnlyDictionary<string, TypedRecord> Records { get; }

    public bool IsDefined(Var v) => DefCounts.ContainsKey(v);

    public static ProgramPlan Build(IReadOnlyList<LTopLevel> forms, GoNames names)
    {
        var defCounts = new Dictionary<Var, int>();
        foreach (var def in forms.SelectMany(f => LoweredWalker.Defs(f.Body)))
        {
            defCounts[def.Var] = (defCounts.TryGetValue(def.Var, out var n) ? n : 0) + 1;
        }

        // A var the program uses as a value, or one binding may rebind, stays a real global:
        // a direct Go call would miss a rebinding, and the var object must hold the value.
        var varObjects = forms.SelectMany(f => LoweredWalker.VarObjects(f.Body)).ToHashSet();
        var records = TypedRecords(forms, names);
        var statics = new Dictionary<Var, StaticFunction>();
        var byTemp = new Dictionary<LocalBinding, StaticFunction>();
        foreach (var form in forms)
        {
            var fnTemps = new Dictionary<LocalBinding, LFunction>();
            foreach (var stmt in form.Body)
            {
                if (stmt is AssignStmt { Value: FnExpr fn } assign && fn.Function.Captures.IsEmpty)
                {
                    fnTemps[assign.Target] = fn.Function;
                }
                else if (LoweredWalker.ExprOf(stmt) is DefExpr { Init: LocalOperand { Access: LocalAccess.Slot } init } def
                    && fnTemps.TryGetValue(init.Binding, out var function)
                    && defCounts[def.Var] == 1
                    && !def.Var.IsDynamic
                    && !varObjects.Contains(def.Var)
                    && !statics.ContainsKey(def.Var))
                {
                    var s = MakeStatic(def.Var, function, init.Binding, names, records);
                    statics[def.Var] = s;
                    byTemp[init.Binding] = s;
                }
            }
        }

        return new ProgramPlan(defCounts, statics, byTemp, varObjects, records);
    }

    private static Dictionary<string, TypedRecord> TypedRecords(IReadOnlyList<LTopLevel> forms, GoNames names) =>
        Emit.TypedRecord.Find(forms, names);

    private static StaticFunction MakeStatic(Var v, LFunction function, LocalBinding temp, GoNames names, IReadOnlyDictionary<string, TypedRecord> records)
    {
        // A typed record's positional constructor: typed (its parameters are the fields' types),
        // returning the struct, whatever the prelude's body for it says.
        if (function.Name.StartsWith("->", StringComparison.Ordinal) && records.TryGetValue(function.Name[2..], out var record)
            && function.Arities is [{ Rest: null } only] && only.Params.Length == record.Fields.Count)
        {
            var constructor = new StaticArity(only, names.Fresh("new" + record.Name), true, record.Type, [.. record.Fields.Select(f => f.Type)]) { Constructs = record };
            return new StaticFunction(v, function, temp, names.Fresh(v.Name, "Fn"), [constructor]);
        }

        var arities = new List<StaticArity>();
        foreach (var arity in function.Arities)
        {
            bool typed = function.Arities.Length == 1 && arity.Rest is null && arity.ReturnType is not null
                && arity.ParamTypes.Length == arity.Params.Length && arity.ParamTypes.All(t => t is not null);
            var goName = function.Arities.Length == 1
                ? names.Fresh(v.Name)
                : names.Fresh(v.Name, arity.Rest is null ? arity.RequiredCount.ToString(System.Globalization.CultureInfo.InvariantCulture) : "Variadic");
            var paramTypes = typed ? arity.ParamTypes.Select(t => GoType.FromAnnotation(t, records)).ToList() : arity.Params.Select(_ => GoType.Dynamic).ToList();
            arities.Add(new StaticArity(arity, goName, typed, typed ? GoType.FromAnnotation(arity.ReturnType, records) : GoType.Dynamic, paramTypes));
        }

        return new StaticFunction(v, function, temp, names.Fresh(v.Name, "Fn"), arities);
    }
}

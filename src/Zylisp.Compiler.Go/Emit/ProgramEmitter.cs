using System.Globalization;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;
using Zylisp.Zast.Ast;
using static Zylisp.Compiler.Go.Emit.GoSyntax;
using CallExpr = Zylisp.Lang.Lowering.CallExpr;
using GoIf = Zylisp.Zast.Ast.IfStmt;
using GoCall = Zylisp.Zast.Ast.CallExpr;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>
/// Writes a whole program as one Go file of package main: package variables for globals and
/// constants, one Go function per arity of each top-level function, <c>load</c> running the
/// top-level forms in order, and <c>main</c> handing both to the runtime.
/// </summary>
internal sealed class ProgramEmitter
{
    private readonly IReadOnlyList<LTopLevel> forms;
    private readonly Truthiness truthiness;
    private readonly Dictionary<Var, string> globals = [];
    private readonly Dictionary<string, HoistedConstant> constants = [];

    private sealed record HoistedConstant(string Name, Expr Init);
    private readonly List<Decl> functions = [];

    private readonly Func<Zylisp.Lang.Syntax.SourceSpan, string?> sourceTextAt;

    public ProgramEmitter(IReadOnlyList<LTopLevel> forms, Truthiness truthiness, string sourceFile, Func<Zylisp.Lang.Syntax.SourceSpan, string?>? sourceTextAt = null)
    {
        this.sourceTextAt = sourceTextAt ?? (_ => null);
        this.forms = forms;
        this.truthiness = truthiness;
        Names.Reserve("rt");
        Plan = ProgramPlan.Build(forms, Names);
        Interop = new GoInterop(this, sourceFile);
    }

    public GoNames Names { get; } = new();

    /// <summary>The global name of the entry point: -main of the main file's namespace.</summary>
    public string MainName { get; init; } = "-main";

    /// <summary>The Zylisp call each generated Go call came from, for the source-line table (<see cref="SourceLines"/>).</summary>
    public Dictionary<Zylisp.Zast.Ast.Node, Zylisp.Lang.Syntax.SourceSpan> CallSites { get; } = new(ReferenceEqualityComparer.Instance);

    public GoExpr NoteCallSite(GoExpr call, Zylisp.Lang.Syntax.SourceSpan? span)
    {
        if (call.Node is GoCall or BinaryExpr)
        {
            NoteSite(call.Node, span);
        }

        return call;
    }

    /// <summary>
    /// Records a Go node's Zylisp location. Prelude code records none, so an error raised in a
    /// prelude function is reported at the innermost call the program wrote, as the interpreter
    /// reports it.
    /// </summary>
    public void NoteSite(Zylisp.Zast.Ast.Node node, Zylisp.Lang.Syntax.SourceSpan? span)
    {
        if (span is { Line: > 0 } && !Zylisp.Lang.Compilation.CoreSource.IsPrelude(span))
        {
            CallSites.TryAdd(node, span);
        }
    }

    public ProgramPlan Plan { get; }

    public GoInterop Interop { get; }

    public bool IsBuiltin(Var v) =>
        !Plan.IsDefined(v) && (CoreFunctions.GoNames.ContainsKey(v.Name) || CoreFunctions.NeedCompiler.Contains(v.Name) || CoreFunctions.Unsupported.ContainsKey(v.Name)
            || v.Name == Zylisp.Lang.Compilation.DocumentedNames.PrintDoc);

    /// <summary>
    /// The Go function a global names, or null: <c>fmt.Println</c> keeps its name, while
    /// <c>fmt/Println</c> reaches the backend as the global <c>Println</c> (namespaced symbols
    /// resolve by name), so the symbol is read back from the source at its span.
    /// </summary>
    public string? InteropName(GlobalOperand g)
    {
        if (Plan.IsDefined(g.Var) || IsBuiltin(g.Var))
        {
            return null;
        }

        if (GoInterop.IsGoName(g.Var.Name))
        {
            return g.Var.Name;
        }

        return g.Span is { } span && sourceTextAt(span) is { } text && GoInterop.IsGoName(text) && text.EndsWith("/" + g.Var.Name, StringComparison.Ordinal) ? text : null;
    }

    /// <summary>
    /// What (doc name) prints for each name the program documents, computed by the front end
    /// (<see cref="Zylisp.Lang.Compilation.ProgramImage.Documentation"/>); a Go program prints it as a constant.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Documentation { get; init; } = new Dictionary<string, string?>();

    public Zylisp.Zast.Ast.File Emit()
    {
        foreach (var s in Plan.Statics.Values)
        {
            foreach (var arity in s.Arities)
            {
                arity.MayReturnMarker = !arity.Typed && LoweredWalker.Statements(arity.Arity.Body).OfType<TailCallStmt>()
                    .Any(t => NeedsTrampoline(t.Call) && !IsSelfCall(s, arity, t.Call));
            }
        }

        PlanDepthCounting();

        foreach (var s in Plan.Statics.Values)
        {
            foreach (var arity in s.Arities)
            {
                functions.Add(StaticArityDecl(s, arity));
            }
        }

        var load = EmitWithRetry(forced => new FunctionEmitter(this, null, BodyKind.TopLevel, "load", GoType.Dynamic, null, forced),
            e => e.EmitBody([.. forms.SelectMany(f => f.Body)], false, []));
        var main = Plan.DefCounts.Keys.FirstOrDefault(v => v.Name == MainName);
        Expr mainEntry = main is null
            ? Nil
            : FuncLit(FuncType([], RtValue), [Return(RtCall("CallMain", GlobalValue(main, null).Node))]);
        var mainDecl = new FuncDecl
        {
            Name = Id("main"),
            Type = FuncType([], null),
            Body = Block([ExprStatement(RtCall("Main", Id("load"), mainEntry, Id(truthiness == Truthiness.Slisp ? "true" : "false")))]),
        };
        var loadDecl = new FuncDecl { Name = Id("load"), Type = FuncType([], null), Body = Block(load) };

        var decls = new List<Decl> { Imports() };
        // Sorted as a list of vars, not LINQ over key-value pairs (value types: JIT-compiled on every build).
        var globalVars = new List<Var>(globals.Keys);
        globalVars.Sort((a, b) => string.CompareOrdinal(globals[a], globals[b]));
        var vars = globalVars
            .Select(g => (Spec)new ValueSpec { Names = [Id(globals[g])], Values = [AddressOf(Composite(Rt("Global"), GlobalFields(g)))] })
            .Concat(Plan.Statics.Values.Select(s => (Spec)new ValueSpec { Names = [Id(s.ValueName)], Type = new StarExpr { X = Rt("Fn") } }))
            .Concat(constants.Values.Select(c => (Spec)new ValueSpec { Names = [Id(c.Name)], Values = [c.Init] }))
            .Concat(Plan.Records.Values.Select(r => (Spec)new ValueSpec { Names = [Id(r.ShapeName)], Values = [r.ShapeInit()] }))
            .ToList();
        if (vars.Count > 0)
        {
            decls.Add(new GenDecl { Tok = Token.Var, Specs = vars });
        }

        decls.Add(mainDecl);
        decls.Add(loadDecl);
        foreach (var record in Plan.Records.Values)
        {
            decls.AddRange(record.Declarations());
        }

        decls.AddRange(functions);
        return new Zylisp.Zast.Ast.File { Name = Id("main"), Decls = decls };
    }

    private GenDecl Imports()
    {
        var specs = new List<Spec> { new ImportSpec { Path = GoSyntax.Str(GoModule.RuntimeImportPath) } };
        specs.AddRange(Interop.Imports.Order(StringComparer.Ordinal).Select(p => (Spec)new ImportSpec { Path = GoSyntax.Str(p) }));
        return new GenDecl { Tok = Token.Import, Specs = specs };
    }

    /// <summary>Emits a body, retrying with a local forced to rt.Value each time a plain Go type for it proves wrong.</summary>
    public static List<Stmt> EmitWithRetry(Func<IReadOnlySet<LocalBinding>, FunctionEmitter> make, Func<FunctionEmitter, List<Stmt>> emit)
    {
        var forced = new HashSet<LocalBinding>();
        while (true)
        {
            try
            {
                return emit(make(forced));
            }
            catch (RetypeException e) when (forced.Add(e.Binding))
            {
            }
        }
    }

    private FuncDecl StaticArityDecl(StaticFunction s, StaticArity arity)
    {
        if (arity.Constructs is { } record)
        {
            // func newPoint(x int, y int) Point { return Point{X: x, Y: y} }
            var names = new GoNames();
            var paramNames = arity.Arity.Params.Select(p => names.Fresh(p.Name)).ToList();
            return new FuncDecl
            {
                Name = Id(arity.GoName),
                Type = FuncType(paramNames.Select((n, i) => Param(n, record.Fields[i].Type.ToSyntax())), record.Type.ToSyntax()),
                Body = Block([Return(Composite(Id(record.GoName), record.Fields.Select((f, i) => (Expr)new KeyValueExpr { Key = Id(f.GoName), Value = Id(paramNames[i]) })))]),
            };
        }

        var kind = arity.Typed ? BodyKind.Typed : BodyKind.Dynamic;
        List<Field> parameters = [];
        var body = EmitWithRetry(
            forced =>
            {
                var e = new FunctionEmitter(this, null, kind, s.Var.Name, arity.ReturnType, arity, forced) { SelfValueName = s.ValueName };
                parameters = BindParameters(e, arity.Arity, arity.ParamTypes);
                if (arity.CountsDepth)
                {
                    e.DepthParameter = e.Names.Fresh("depth");
                    parameters.Insert(0, Param(e.DepthParameter, new Ident { Name = "int" }));
                }

                return e;
            },
            e => e.EmitBody(arity.Arity.Body, LoopsToSelf(s, arity), [.. arity.Arity.Params]));
        return new FuncDecl
        {
            Name = Id(arity.GoName),
            Type = FuncType(parameters, arity.ReturnType.ToSyntax()),
            Body = Block(body),
        };
    }

    private static List<Field> BindParameters(FunctionEmitter e, LArity arity, IReadOnlyList<GoType> types)
    {
        var fields = new List<Field>();
        for (int i = 0; i < arity.Params.Length; i++)
        {
            var name = e.Names.Fresh(arity.Params[i].Name);
            e.BindParameter(arity.Params[i], name, types[i]);
            fields.Add(Param(name, types[i].ToSyntax()));
        }

        if (arity.Rest is { } rest)
        {
            var name = e.Names.Fresh(rest.Name);
            e.BindParameter(rest, name, GoType.Dynamic);
            fields.Add(Param(name, RtValue));
        }

        return fields;
    }

    private bool LoopsToSelf(StaticFunction s, StaticArity arity) =>
        arity.Arity.HasRecur || LoweredWalker.Statements(arity.Arity.Body).OfType<TailCallStmt>().Any(t => IsSelfCall(s, arity, t.Call));

    private bool IsSelfCall(StaticFunction s, StaticArity arity, CallExpr call) =>
        arity.Arity.Rest is null && call.Args.Length == arity.Arity.RequiredCount && call.Fn switch
        {
            LocalOperand { Access: LocalAccess.Self } => true,
            GlobalOperand g => g.Var == s.Var,
            _ => false,
        };

    /// <summary>
    /// Decides which typed arities may recurse (<see cref="StaticArity.CountsDepth"/>): the greatest
    /// fixpoint, so every arity starts as "may recurse" and stops only when each call it makes is a
    /// primitive, Go, or a typed arity that cannot recurse either. Cycles keep counting.
    /// </summary>
    private void PlanDepthCounting()
    {
        var typed = Plan.Statics.Values.SelectMany(s => s.Arities).Where(a => a.Typed).ToList();
        typed.ForEach(a => a.CountsDepth = true);
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var arity in typed.Where(a => a.CountsDepth && !MayRecurse(a)))
            {
                arity.CountsDepth = false;
                changed = true;
            }
        }
    }

    private bool MayRecurse(StaticArity arity) =>
        LoweredWalker.Statements(arity.Arity.Body).Any(stmt => LoweredWalker.ExprOf(stmt) is CallExpr c && !IsLeafCall(c));

    // A keyword called on a value is a lookup (a typed record's field, or get): no user code runs.
    private bool IsLeafCall(CallExpr call) =>
        call.Fn is ConstOperand { Value: Zylisp.Lang.Data.Keyword } && call.Args.Length is 1 or 2
        || call.Fn is GlobalOperand g
        && (IsBuiltin(g.Var)
            || g.Var.Name == GoNumbers.Marker // compiled inline: a Go conversion or Go arithmetic
            || InteropName(g) is not null
            || (Plan.Statics.TryGetValue(g.Var, out var s) && s.ArityFor(call.Args.Length) is { Typed: true, CountsDepth: false }));

    /// <summary>True for a tail call the trampoline must run: anything but a primitive, Go interop or a typed function.</summary>
    public bool NeedsTrampoline(CallExpr call)
    {
        if (call.Fn is GlobalOperand g)
        {
            if (IsBuiltin(g.Var) || g.Var.Name == GoNumbers.Marker || InteropName(g) is not null)
            {
                return false;
            }

            if (Plan.Statics.TryGetValue(g.Var, out var s) && s.ArityFor(call.Args.Length) is { Typed: true })
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The function value of a static function: its arities wired into an rt.Fn.</summary>
    public Expr FunctionValue(StaticFunction s)
    {
        var fields = new List<Expr> { KeyValue("Name", GoSyntax.Str(s.Var.Name)) };
        var general = new List<Stmt>();
        foreach (var arity in s.Arities)
        {
            int n = arity.Arity.RequiredCount;
            bool direct = arity.Arity.Rest is null && n <= 3 && !arity.Typed;
            if (direct)
            {
                fields.Add(KeyValue("F" + n.ToString(CultureInfo.InvariantCulture), Id(arity.GoName)));
                continue;
            }

            if (arity.Arity.Rest is null && n <= 3)
            {
                // A typed function takes plain Go values: check and convert each argument.
                var ps = Enumerable.Range(0, n).Select(i => "a" + i.ToString(CultureInfo.InvariantCulture)).ToList();
                var call = TypedCall(s, arity, ps.Select(p => (Expr)Id(p)).ToList());
                fields.Add(KeyValue("F" + n.ToString(CultureInfo.InvariantCulture), FuncLit(FuncType(ps.Select(p => Param(p, RtValue)), RtValue), [Return(call)])));
                continue;
            }

            var args = Enumerable.Range(0, n).Select(i => (Expr)new IndexExpr { X = Id("args"), Index = Int(i) }).ToList();
            Expr target = arity.Typed ? TypedCall(s, arity, args) : Call(Id(arity.GoName), arity.Arity.Rest is null ? args : [.. args, RtCall("RestArgs", Id("args"), Int(n))]);
            if (arity.Arity.Rest is not null && n == 0)
            {
                general.Add(Return(target));
                continue;
            }

            general.Add(new GoIf
            {
                Cond = Binary(Call(Id("len"), Id("args")), arity.Arity.Rest is null ? Token.Eql : Token.Geq, Int(n)),
                Body = Block([Return(target)]),
            });
        }

        var variadic = s.Arities.FirstOrDefault(a => a.Arity.Rest is not null);
        if (general.Count > 0 && general[^1] is not Zylisp.Zast.Ast.ReturnStmt)
        {
            general.Add(ExprStatement(RtCall("ArityError", GoSyntax.Str(s.Var.Name), Call(Id("len"), Id("args")))));
            general.Add(Return(Nil));
        }

        if (general.Count > 0)
        {
            fields.Add(KeyValue("FN", FuncLit(FuncType([Param("args", new ArrayType { Elt = RtValue })], RtValue), general)));
        }

        if (variadic is not null)
        {
            fields.Add(KeyValue("HasRest", Id("true")));
            fields.Add(KeyValue("RestRequired", Int(variadic.Arity.RequiredCount)));
        }

        return AddressOf(Composite(Rt("Fn"), fields));
    }

    private static Expr TypedCall(StaticFunction s, StaticArity arity, List<Expr> args)
    {
        var converted = new List<Expr>();
        if (arity.CountsDepth)
        {
            converted.Add(Binary(RtCall("Depth"), Token.Add, Int(1)));
        }

        for (int i = 0; i < args.Count; i++)
        {
            converted.Add(Convert(args[i], arity.ParamTypes[i], s.Var.Name, "argument `" + arity.Arity.Params[i].Name + "`"));
        }

        // The result as dynamic code sees it: an int32 as an integer, a []string as a vector.
        var result = GoType.ToDynamic(new GoExpr(Call(Id(arity.GoName), converted), arity.ReturnType));
        return arity.CountsDepth ? RtCall(FunctionEmitter.RestoreDepthFor(result.Type), RtCall("Depth"), result.Node) : result.Node;
    }

    private static Expr Convert(Expr value, GoType type, string function, string what) => type.Kind switch
    {
        TypeKind.Integer => RtCall("AsInt", value, GoSyntax.Str(function), GoSyntax.Str(what)),
        TypeKind.Float => RtCall("AsFloat", value, GoSyntax.Str(function), GoSyntax.Str(what)),
        TypeKind.String => RtCall("AsString", value, GoSyntax.Str(function), GoSyntax.Str(what)),
        TypeKind.Bool => RtCall("AsBool", value, GoSyntax.Str(function), GoSyntax.Str(what)),
        _ when type.Record is { } record => Call(Id(record.ConverterName), value, GoSyntax.Str(function), GoSyntax.Str(what)),
        _ when type.IsDynamic => value,
        _ => Call(new IndexExpr { X = Rt("AsGo"), Index = type.ToSyntax() }, value, GoSyntax.Str(function), GoSyntax.Str(what)),
    };

    /// <summary>A closure's rt.Fn: each arity a Go function literal emitted by a child of <paramref name="parent"/>.</summary>
    public Expr FunctionLiteral(LFunction function, FunctionEmitter parent, string? selfName, IReadOnlyDictionary<LocalBinding, string> copies)
    {
        var name = function.Name.Length == 0 ? "fn" : function.Name;
        var fields = new List<Expr> { KeyValue("Name", GoSyntax.Str(name)) };
        var general = new List<Stmt>();
        LArity? variadic = null;
        foreach (var arity in function.Arities)
        {
            int n = arity.RequiredCount;
            bool hasChecks = arity.ParamTypes.Any(t => t is not null) || arity.ReturnType is not null;
            if (arity.Rest is null && n <= 3)
            {
                List<Field> parameters = [];
                var body = EmitWithRetry(
                    forced =>
                    {
                        var e = parent.Child(BodyKind.Dynamic, name, GoType.Dynamic, copies, selfName);
                        parameters = BindParameters(e, arity, arity.Params.Select(_ => GoType.Dynamic).ToList());
                        return e;
                    },
                    e => Checked(e, arity, name, parameters.Select(p => p.Names[0].Name).ToList()));
                fields.Add(KeyValue("F" + n.ToString(CultureInfo.InvariantCulture), FuncLit(FuncType(parameters, RtValue), body)));
                continue;
            }

            variadic = arity.Rest is not null ? arity : variadic;
            var extracted = EmitWithRetry(
                forced => parent.Child(BodyKind.Dynamic, name, GoType.Dynamic, copies, selfName),
                e =>
                {
                    var prologue = new List<Stmt>();
                    var paramNames = new List<string>();
                    for (int i = 0; i < n; i++)
                    {
                        var p = e.Names.Fresh(arity.Params[i].Name);
                        e.BindParameter(arity.Params[i], p, GoType.Dynamic);
                        prologue.Add(Define(p, new IndexExpr { X = Id("args"), Index = Int(i) }));
                        paramNames.Add(p);
                    }

                    if (arity.Rest is { } rest)
                    {
                        var r = e.Names.Fresh(rest.Name);
                        e.BindParameter(rest, r, GoType.Dynamic);
                        prologue.Add(Define(r, RtCall("RestArgs", Id("args"), Int(n))));
                        paramNames.Add(r);
                    }

                    // Parameters that are never read are still bound; Go needs them used.
                    prologue.AddRange(paramNames.Select(p => Assign(Id("_"), Id(p))));
                    return [.. prologue, .. Checked(e, arity, name, paramNames)];
                });
            if (arity.Rest is not null && n == 0)
            {
                general.AddRange(extracted);
                continue;
            }

            general.Add(new GoIf
            {
                Cond = Binary(Call(Id("len"), Id("args")), arity.Rest is null ? Token.Eql : Token.Geq, Int(n)),
                Body = Block(extracted),
            });
        }

        if (general.Count > 0 && !(variadic is { RequiredCount: 0 }))
        {
            general.Add(ExprStatement(RtCall("ArityError", GoSyntax.Str(name), Call(Id("len"), Id("args")))));
            general.Add(Return(Nil));
        }

        if (general.Count > 0)
        {
            fields.Add(KeyValue("FN", FuncLit(FuncType([Param("args", new ArrayType { Elt = RtValue })], RtValue), general)));
        }

        if (variadic is not null)
        {
            fields.Add(KeyValue("HasRest", Id("true")));
            fields.Add(KeyValue("RestRequired", Int(variadic.RequiredCount)));
        }

        return AddressOf(Composite(Rt("Fn"), fields));

        static List<Stmt> Checked(FunctionEmitter e, LArity arity, string name, List<string> paramNames)
        {
            // deffunc annotations on a closure (or a partly annotated deffunc) are checked as the interpreter does.
            var checks = new List<Stmt>();
            for (int i = 0; i < arity.ParamTypes.Length && i < arity.Params.Length; i++)
            {
                if (arity.ParamTypes[i] is { } t && GoType.FromAnnotation(t) is { IsDynamic: false } goType && goType.Kind != TypeKind.Any)
                {
                    checks.Add(ExprStatement(RtCall("CheckArg", Id(paramNames[i]), GoSyntax.Str(goType.Name), GoSyntax.Str(name), GoSyntax.Str("argument `" + arity.Params[i].Name + "`"), GoSyntax.Str(t.Name))));
                }
            }

            var body = e.EmitBody(arity.Body, arity.HasRecur, [.. arity.Params]);
            return [.. checks, .. body];
        }
    }

    // ---- globals and constants ----

    public string GlobalName(Var v)
    {
        if (!globals.TryGetValue(v, out var name))
        {
            name = Names.Fresh(v.Name);
            globals[v] = name;
        }

        return name;
    }

    /// <summary>
    /// The fields of a global's rt.Global: its name; Dynamic for a ^:dynamic var; and for a var
    /// the program uses as a value, its metadata and source as the program's definitions left
    /// them when the program was collected (metadata values with no Go form are left out).
    /// </summary>
    private List<Expr> GlobalFields(Var v)
    {
        var fields = new List<Expr> { KeyValue("Name", GoSyntax.Str(v.Name)) };
        if (v.IsDynamic)
        {
            fields.Add(KeyValue("Dynamic", Id("true")));
        }

        if (Plan.VarObjects.Contains(v))
        {
            var meta = Zylisp.Lang.Runtime.Metadata.Of(null!, v) ?? PersistentMap.Empty;
            foreach (var entry in meta.Entries.ToList())
            {
                try
                {
                    Constant(entry.Value);
                }
                catch (GoCompileException)
                {
                    meta = meta.Dissoc(entry.Key);
                }
            }

            fields.Add(KeyValue("Meta", Constant(meta).Node));
            var source = v.SourceCode ?? "Source not found (" + v.Name + " is " + (v.IsCore ? "a host primitive" : "not defined from source") + ")";
            fields.Add(KeyValue("Source", GoSyntax.Str(source)));
        }

        return fields;
    }

    /// <summary>A var used as a value (<c>#'x</c>): the global's rt.Global itself.</summary>
    private GoExpr VarObject(Var v) => new(Id(GlobalName(v)), GoType.Dynamic);

    public GoExpr GlobalValue(Var v, Zylisp.Lang.Syntax.SourceSpan? span)
    {
        if (Plan.Statics.TryGetValue(v, out var s))
        {
            return new GoExpr(Id(s.ValueName), GoType.Dynamic);
        }

        if (v.Name == "*command-line-args*" && !Plan.IsDefined(v))
        {
            return new GoExpr(RtCall("CommandLineArgs"), GoType.Dynamic);
        }

        if (IsBuiltin(v))
        {
            if (!CoreFunctions.GoNames.ContainsKey(v.Name))
            {
                throw new GoCompileException(CoreFunctions.NeedCompiler.Contains(v.Name)
                    ? GoDiagnostics.NeedsCompiler(v.Name, span)
                    : GoDiagnostics.Unsupported(v.Name, CoreFunctions.Unsupported.TryGetValue(v.Name, out var why)
                        ? why
                        : "passed as a value, the names it will document are not known when the program is built", span));
            }

            return new GoExpr(RtCall("Builtin", GoSyntax.Str(v.Name)), GoType.Dynamic);
        }

        return new GoExpr(Call(Sel(Id(GlobalName(v)), "Get")), GoType.Dynamic);
    }

    public GoExpr Constant(object? value) => value switch
    {
        null => new GoExpr(Nil, GoType.Dynamic, true),
        bool b => new GoExpr(Id(b ? "true" : "false"), GoType.Bool, true),
        long l => new GoExpr(
            l switch
            {
                long.MinValue => Neg(new BasicLit { Kind = Token.Int, Value = "9223372036854775808" }),
                < 0 => Neg(Int(-l)),
                _ => Int(l),
            },
            GoType.Int,
            true),
        double d => FloatConstant(d),
        string s => new GoExpr(GoSyntax.Str(s), GoType.String, true),
        Keyword k => new GoExpr(Id(Hoist("kw:" + k.FullName, "kw-" + k.FullName, RtCall("Kw", GoSyntax.Str(k.FullName)))), GoType.Dynamic),
        Symbol sym => new GoExpr(RtCall("Sym", GoSyntax.Str(sym.FullName)), GoType.Dynamic),
        Zylisp.Lang.Runtime.Regex.RegexValue re => new GoExpr(Id(Hoist("re:" + re.Source, "regex", RtCall("RegexLiteral", GoSyntax.Str(re.Source), GoSyntax.Str(re.GoPattern)))), GoType.Dynamic),
        PersistentList list => Quoted(list, "NewList", list),
        PersistentVector vector => Quoted(vector, "NewVector", vector),
        PersistentSet set => Quoted(set, "NewSet", set),
        PersistentMap map => Quoted(map, "NewMap", map.Entries.SelectMany(e => new[] { e.Key, e.Value })),
        Var v => VarObject(v),
        _ => throw new GoCompileException(GoDiagnostics.Unsupported("a constant of type " + value.GetType().Name, "it has no Go form", null)),
    };

    private GoExpr Quoted(object value, string constructor, IEnumerable<object?> items)
    {
        var printed = Zylisp.Lang.Printing.Printer.PrStr(value);
        var init = RtCall(constructor, [.. items.Select(i => Constant(i).Node)]);
        return new GoExpr(Id(Hoist("q:" + value.GetType().Name + ":" + printed, "quoted", init)), GoType.Dynamic);
    }

    private string Hoist(string key, string stem, Expr init)
    {
        if (!constants.TryGetValue(key, out var c))
        {
            c = new HoistedConstant(Names.Fresh(stem), init);
            constants[key] = c;
        }

        return c.Name;
    }

    private static GoExpr FloatConstant(double d)
    {
        if (double.IsNaN(d))
        {
            return new GoExpr(RtCall("NaN"), GoType.Float);
        }

        if (double.IsInfinity(d))
        {
            return new GoExpr(RtCall("Inf", Int(d > 0 ? 1 : -1)), GoType.Float);
        }

        if (d == 0 && double.IsNegative(d))
        {
            return new GoExpr(RtCall("NegZero"), GoType.Float);
        }

        var text = Math.Abs(d).ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
        {
            text += ".0";
        }

        Expr literal = Float(text.Replace("E", "e", StringComparison.Ordinal));
        return new GoExpr(d < 0 ? Neg(literal) : literal, GoType.Float, true);
    }
}

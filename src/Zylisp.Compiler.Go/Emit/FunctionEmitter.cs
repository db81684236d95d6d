using System.Collections.Immutable;
using System.Globalization;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;
using Zylisp.Zast.Ast;
using static Zylisp.Compiler.Go.Emit.GoSyntax;
using CallExpr = Zylisp.Lang.Lowering.CallExpr;
using GoCall = Zylisp.Zast.Ast.CallExpr;
using GoIf = Zylisp.Zast.Ast.IfStmt;
using IfStmt = Zylisp.Lang.Lowering.IfStmt;
using AssignStmt = Zylisp.Lang.Lowering.AssignStmt;
using ExprStmt = Zylisp.Lang.Lowering.ExprStmt;
using ReturnStmt = Zylisp.Lang.Lowering.ReturnStmt;
using GoReturn = Zylisp.Zast.Ast.ReturnStmt;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>What kind of Go function a <see cref="FunctionEmitter"/> writes the body of.</summary>
internal enum BodyKind
{
    /// <summary>The load function: the program's top-level forms; values are discarded.</summary>
    TopLevel,

    /// <summary>A function arity with rt.Value parameters and result; counts call depth.</summary>
    Dynamic,

    /// <summary>
    /// A fully annotated deffunc: plain Go parameter and result types. Its depth arrives as a
    /// first parameter instead of the runtime's counter (a global increment per call made typed
    /// fib 2.4× slower), and is checked on entry: Go's own stack overflow is a fatal error no
    /// recover catches, and deep recursion must end in ZL5005 on every engine.
    /// </summary>
    Typed,
}

/// <summary>Raised when a local turns out to need rt.Value after a plain Go type was chosen for it; the body is emitted again.</summary>
internal sealed class RetypeException(LocalBinding binding) : Exception("retype " + binding.Name)
{
    public LocalBinding Binding { get; } = binding;
}

/// <summary>
/// Emits one Go function body from lowered statements. Single-use temporaries made by lowering
/// are folded back into the expression that uses them, so <c>(+ (f a) 1)</c> reads as
/// <c>rt.Add2(f(a), 1)</c>, not as three assignments. Locals get a plain Go type when every
/// value stored in them has one.
/// </summary>
internal sealed class FunctionEmitter
{
    private readonly ProgramEmitter program;
    private readonly FunctionEmitter? parent;
    private readonly BodyKind kind;
    private readonly string functionName;
    private readonly GoType returnType;
    private readonly StaticArity? selfArity;
    private readonly IReadOnlySet<LocalBinding> forcedDynamic;
    private readonly Dictionary<LocalBinding, string> names = [];
    private readonly Dictionary<LocalBinding, GoType> types = [];
    private readonly Dictionary<LocalBinding, int> reads = [];
    private readonly Dictionary<LocalBinding, int> assigns = [];
    private readonly HashSet<LocalBinding> captured = [];
    private readonly HashSet<LocalBinding> declareAtTop = [];
    private readonly HashSet<LocalBinding> declared = [];
    // Records rather than value tuples throughout the emitter: generic code over reference types
    // is shared and precompiled (ReadyToRun); over value tuples it is JIT-compiled on every build.
    private readonly List<TopDeclaration> topDeclarations = [];
    private readonly Dictionary<LocalBinding, string> captureNames = [];
    private int tryDepth;
    private bool inTailCall;
    private readonly GoNumbers numbers = new();

    /// <summary>Local names: one scope per top-level Go function, shared by its closures.</summary>
    public GoNames Names { get; }

    public FunctionEmitter(ProgramEmitter program, FunctionEmitter? parent, BodyKind kind, string functionName, GoType returnType, StaticArity? selfArity, IReadOnlySet<LocalBinding> forcedDynamic)
    {
        this.program = program;
        this.parent = parent;
        this.kind = kind;
        this.functionName = functionName;
        this.returnType = returnType;
        this.selfArity = selfArity;
        this.forcedDynamic = forcedDynamic;
        Names = parent?.Names ?? new GoNames(program.Names);
    }

    /// <summary>The Go name of a typed body's depth parameter (see <see cref="BodyKind.Typed"/>).</summary>
    public string? DepthParameter { get; set; }

    /// <summary>The name by which the running function refers to its own value (a named fn).</summary>
    public string? SelfValueName { get; init; }

    /// <summary>Names this body uses for its parameters; set before <see cref="EmitBody"/>.</summary>
    public void BindParameter(LocalBinding binding, string name, GoType type)
    {
        names[binding] = name;
        types[binding] = type;
        declared.Add(binding);
    }

    /// <summary>The Go name of a binding of this body or of an enclosing one.</summary>
    private string NameOf(LocalBinding binding)
    {
        if (captureNames.TryGetValue(binding, out var copy))
        {
            return copy;
        }

        if (names.TryGetValue(binding, out var name))
        {
            return name;
        }

        if (parent is not null)
        {
            return parent.NameOf(binding);
        }

        name = Names.Fresh(binding.Name);
        names[binding] = name;
        return name;
    }

    /// <summary>The typed record a local holds, looked up without emitting anything (a pending value stays pending).</summary>
    private TypedRecord? RecordTypeOf(LocalBinding binding)
    {
        if (pending?.Items.FirstOrDefault(p => p.Binding == binding) is { } waiting)
        {
            return waiting.Value.Type.Record;
        }

        return TypeOf(binding).Record;
    }

    private GoType TypeOf(LocalBinding binding)
    {
        if (types.TryGetValue(binding, out var t))
        {
            return t;
        }

        return parent?.TypeOf(binding) ?? GoType.Dynamic;
    }

    /// <summary>Emits the statements of a body; <paramref name="loopsToSelf"/> wraps them in a for loop that self tail calls and recur restart.</summary>
    public List<Stmt> EmitBody(ImmutableArray<LStmt> body, bool loopsToSelf, IReadOnlyList<LocalBinding> parameters)
    {
        Count(body);
        var stmts = new List<Stmt>();
        if (kind == BodyKind.Dynamic)
        {
            stmts.Add(ExprStatement(RtCall("Enter", GoSyntax.Str(functionName))));
        }
        else if (DepthParameter is { } depth)
        {
            stmts.Add(ExprStatement(RtCall("CheckDepth", Id(depth), GoSyntax.Str(functionName))));
        }

        var inner = EmitBlock(body);
        if (loopsToSelf)
        {
            stmts.Add(new ForStmt { Body = Block(DropTrailingContinue(inner)) });
        }
        else
        {
            stmts.AddRange(inner);
        }

        if (kind != BodyKind.TopLevel && !Terminates(stmts))
        {
            stmts.Add(ExprStatement(Call(Id("panic"), GoSyntax.Str("unreachable"))));
        }

        var declarations = topDeclarations.Select(d => VarDecl(d.Name, d.Type.ToSyntax()));
        // A value-position try at top level assigns a temporary nothing reads; Go rejects an unused variable.
        var uses = topDeclarations.Select(d => Assign(Id("_"), Id(d.Name)));
        return [.. declarations, .. uses, .. stmts];
    }

    /// <summary>
    /// Counts reads and assignments of locals, notes which are captured by nested functions, and
    /// which are read outside the block that assigns them (those need a declaration further up).
    /// </summary>
    private void Count(IEnumerable<LStmt> body) => Walk(body, []);

    private readonly Dictionary<LocalBinding, int[]> assignedIn = [];
    private readonly HashSet<LocalBinding> readOutside = [];
    private int blockCount;

    private void Walk(IEnumerable<LStmt> stmts, int[] path)
    {
        int[] here = [.. path, blockCount++];
        foreach (var s in stmts)
        {
            foreach (var o in LoweredWalker.ImmediateOperands(s))
            {
                if (o is LocalOperand local)
                {
                    reads[local.Binding] = CountOf(reads, local.Binding) + 1;
                    NoteRead(local.Binding, here);
                }
            }

            switch (s)
            {
                case AssignStmt a:
                    assigns[a.Target] = CountOf(assigns, a.Target) + 1;
                    assignedIn.TryAdd(a.Target, here);
                    break;
                case RecurStmt r:
                    foreach (var t in r.Targets)
                    {
                        assigns[t] = CountOf(assigns, t) + 2;
                    }

                    break;
                case LoopStmt l:
                    foreach (var b in l.Bindings)
                    {
                        assigns[b] = CountOf(assigns, b) + 2;
                    }

                    break;
            }

            if (LoweredWalker.ExprOf(s) is FnExpr fn)
            {
                foreach (var c in fn.Function.Captures)
                {
                    captured.Add(c.Binding);
                    reads[c.Binding] = CountOf(reads, c.Binding) + 1;
                    NoteRead(c.Binding, here);
                }
            }

            foreach (var child in LoweredWalker.Children(s))
            {
                Walk(child, here);
            }
        }
    }

    private void NoteRead(LocalBinding b, int[] here)
    {
        if (assignedIn.TryGetValue(b, out var at) && !IsPrefix(at, here))
        {
            readOutside.Add(b);
        }
    }

    // Loops rather than GetValueOrDefault and span SequenceEqual: generic code over int that
    // ReadyToRun leaves to the JIT on every zylisp compile.
    private static bool IsPrefix(int[] prefix, int[] path)
    {
        if (prefix.Length > path.Length)
        {
            return false;
        }

        for (int i = 0; i < prefix.Length; i++)
        {
            if (prefix[i] != path[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int CountOf(Dictionary<LocalBinding, int> counts, LocalBinding b) => counts.TryGetValue(b, out var n) ? n : 0;

    private bool Inlinable(LocalBinding b) =>
        CountOf(assigns, b) == 1 && CountOf(reads, b) == 1 && !captured.Contains(b) && !program.Plan.StaticsByTemp.ContainsKey(b);

    // ---- statements ----

    private sealed class Pending
    {
        public List<PendingValue> Items { get; } = [];
    }

    private sealed record PendingValue(LocalBinding Binding, GoExpr Value);

    private sealed record TopDeclaration(string Name, GoType Type);

    private Pending? pending;

    private List<Stmt> EmitBlock(IEnumerable<LStmt> stmts)
    {
        var saved = pending;
        pending = new Pending();
        var output = new List<Stmt>();
        foreach (var s in stmts)
        {
            var used = LoweredWalker.ImmediateOperands(s).OfType<LocalOperand>().Select(o => o.Binding).Where(b => pending.Items.Any(p => p.Binding == b)).ToList();
            var items = pending.Items;
            bool isSuffix = used.Count <= items.Count && used.SequenceEqual(items.Skip(items.Count - used.Count).Select(p => p.Binding));
            bool foldable = s is AssignStmt { Value: not FnExpr } next && Inlinable(next.Target);

            // Pending values are folded into their single use only in the order they were
            // computed: a statement that uses the latest ones keeps them; anything else first
            // stores the earlier ones, in order. A foldable assignment keeps the earlier ones
            // pending too, ahead of itself, so `t1 = f(); t2 = g(); h(t1, t2)` becomes h(f(), g()).
            int keep = !isSuffix ? 0 : foldable ? items.Count : used.Count;
            var flush = items.Take(items.Count - keep).ToList();
            items.RemoveRange(0, items.Count - keep);
            foreach (var (binding, value) in flush)
            {
                output.AddRange(Store(binding, value));
            }

            if (foldable && s is AssignStmt a)
            {
                var value = Expr(a.Value, output);
                NoteType(a.Target, value.Type);
                pending.Items.Add(new PendingValue(a.Target, value));
                continue;
            }

            output.AddRange(Stmt(s, output));
            if (output.Count > 0 && IsTerminating(output[^1]))
            {
                break;
            }
        }

        foreach (var (binding, value) in pending.Items)
        {
            output.AddRange(Store(binding, value));
        }

        pending = saved;
        return output;
    }

    /// <summary>Records the type of a value stored in a local, asking for a retry when it conflicts with an earlier choice.</summary>
    private GoType NoteType(LocalBinding target, GoType valueType)
    {
        // Only parameters and marked arithmetic have narrow types (GoNumbers): a local holding an
        // int32 is a Zylisp integer, as it is to the interpreter; a parameter keeps its Go type.
        var wide = valueType.IsGoInteger ? GoType.Int : valueType.IsGoFloat ? GoType.Float : valueType;
        if (types.TryGetValue(target, out var known) && (known == valueType || known == wide))
        {
            return known;
        }

        valueType = wide;
        if (forcedDynamic.Contains(target))
        {
            types[target] = GoType.Dynamic;
            return GoType.Dynamic;
        }

        if (types.TryGetValue(target, out var existing))
        {
            if (existing != valueType && !existing.IsDynamic)
            {
                throw new RetypeException(target);
            }

            return existing;
        }

        types[target] = valueType;
        return valueType;
    }

    /// <summary>Stores a value in a local: a := at its single assignment, else an assignment to a variable declared at the top.</summary>
    private IEnumerable<Stmt> Store(LocalBinding target, GoExpr value)
    {
        var type = NoteType(target, value.Type);
        if (value.Type != type && (value.Type.IsGoInteger || value.Type.IsGoFloat))
        {
            value = Coerce(value, type, "value");
        }

        if (CountOf(reads, target) == 0)
        {
            if (value.Node is GoCall)
            {
                yield return ExprStatement(value.Node);
            }
            else if (value.Node is not (Ident or BasicLit or SelectorExpr))
            {
                yield return Assign(Id("_"), value.Node);
            }

            yield break;
        }

        var name = NameOf(target);
        if (declared.Contains(target))
        {
            yield return Assign(Id(name), Coerce(value, type, "value").Node);
            yield break;
        }

        declared.Add(target);
        if (CountOf(assigns, target) == 1 && tryDepth == 0 && !declareAtTop.Contains(target) && !readOutside.Contains(target))
        {
            if (value.Node is Ident { Name: "nil" })
            {
                yield return VarDecl(name, GoType.Dynamic.ToSyntax());
                yield break;
            }

            yield return type.IsDynamic && !value.Type.IsDynamic
                ? new DeclStmt { Decl = new GenDecl { Tok = Token.Var, Specs = [new ValueSpec { Names = [Id(name)], Type = GoType.Dynamic.ToSyntax(), Values = [GoType.ToDynamic(value).Node] }] } }
                : Define(name, value.Node);
            yield break;
        }

        topDeclarations.Add(new TopDeclaration(name, type));
        yield return Assign(Id(name), Coerce(value, type, "value").Node);
    }

    private List<Stmt> Stmt(LStmt s, List<Stmt> output) => s.Accept(new StatementEmitter(this, output));

    /// <summary>Each lowered statement kind; a visitor, so a kind added to the lowered IR is a build error here, not a run-time throw.</summary>
    private sealed class StatementEmitter(FunctionEmitter emitter, List<Stmt> output) : ILoweredStmtVisitor<List<Stmt>>
    {
        public List<Stmt> VisitExpr(ExprStmt node) => Discard(emitter.Expr(node.Value, output));

        public List<Stmt> VisitAssign(AssignStmt node) =>
            emitter.program.Plan.StaticsByTemp.ContainsKey(node.Target) ? [] : [.. emitter.Store(node.Target, emitter.Expr(node.Value, output))];

        public List<Stmt> VisitReturn(ReturnStmt node) => emitter.ReturnValue(emitter.Expr(node.Value, output));

        public List<Stmt> VisitTailCall(TailCallStmt node) => emitter.TailCall(node.Call, output);

        public List<Stmt> VisitIf(IfStmt node) => emitter.If(node, output);

        public List<Stmt> VisitLoop(LoopStmt node) => [emitter.Loop(node)];

        public List<Stmt> VisitRecur(RecurStmt node) => emitter.Recur(node.Targets, node.Args, output);

        public List<Stmt> VisitTry(TryStmt node) => [emitter.Try(node)];

        public List<Stmt> VisitThrow(ThrowStmt node)
        {
            // The panic's line goes in the source-line table, so an uncaught throw is reported
            // where it was written, as the interpreter reports it.
            var panic = Call(Id("panic"), RtCall("Thrown", GoType.ToDynamic(emitter.Operand(node.Value, output)).Node));
            emitter.program.NoteSite(panic, node.Span);
            return [ExprStatement(panic)];
        }
    }

    private static List<Stmt> Discard(GoExpr value) => value.Node is GoCall ? [ExprStatement(value.Node)] : [];

    private List<Stmt> ReturnValue(GoExpr value)
    {
        if (kind == BodyKind.TopLevel)
        {
            return Discard(value);
        }

        var result = Coerce(value, returnType, "return value");
        return kind == BodyKind.Dynamic ? [Return(RtCall("Leave", result.Node))] : [Return(result.Node)];
    }

    /// <summary>An if; when the then-branch always leaves (return, continue, panic), the else-branch follows it unindented.</summary>
    private List<Stmt> If(IfStmt i, List<Stmt> output)
    {
        var test = Operand(i.Test, output);
        Expr cond = test.Type == GoType.Bool
            ? test.Node
            : RtCall(i.Truthiness == Truthiness.Slisp ? "SlispTruthy" : "Truthy", test.Node);
        var then = EmitBlock(i.Then);
        var otherwise = EmitBlock(i.Else);
        if (then.Count == 0 && otherwise.Count > 0)
        {
            return [new GoIf { Cond = Negate(cond), Body = Block(otherwise) }];
        }

        if (otherwise.Count > 0 && Terminates(then) && !otherwise.OfType<DeclStmt>().Any())
        {
            return [new GoIf { Cond = cond, Body = Block(then) }, .. otherwise];
        }

        return [new GoIf { Cond = cond, Body = Block(then), Else = otherwise.Count == 0 ? null : Block(otherwise) }];
    }

    private static Expr Negate(Expr cond) => cond switch
    {
        UnaryExpr { Op: Token.Not } u => u.X,
        BinaryExpr { Op: Token.Lss } b => Binary(b.X, Token.Geq, b.Y),
        BinaryExpr { Op: Token.Geq } b => Binary(b.X, Token.Lss, b.Y),
        BinaryExpr { Op: Token.Gtr } b => Binary(b.X, Token.Leq, b.Y),
        BinaryExpr { Op: Token.Leq } b => Binary(b.X, Token.Gtr, b.Y),
        BinaryExpr { Op: Token.Eql } b => Binary(b.X, Token.Neq, b.Y),
        BinaryExpr { Op: Token.Neq } b => Binary(b.X, Token.Eql, b.Y),
        GoCall or Ident or SelectorExpr or ParenExpr => Not(cond),
        _ => Not(Paren(cond)),
    };

    private Stmt Loop(LoopStmt l)
    {
        var body = EmitBlock(l.Body);
        if (!Terminates(body))
        {
            body.Add(Break());
        }

        return new ForStmt { Body = Block(DropTrailingContinue(body)) };
    }

    private List<Stmt> Recur(ImmutableArray<LocalBinding> targets, IReadOnlyList<Operand> args, List<Stmt> output)
    {
        var lhs = new List<Expr>();
        var rhs = new List<Expr>();
        for (int i = 0; i < targets.Length; i++)
        {
            var value = Operand(args[i], output);
            if (args[i] is LocalOperand { Access: LocalAccess.Slot } same && same.Binding == targets[i])
            {
                continue;
            }

            if (CountOf(reads, targets[i]) == 0)
            {
                if (value.Node is GoCall)
                {
                    output.Add(ExprStatement(value.Node));
                }

                continue;
            }

            var type = NoteType(targets[i], value.Type);
            EnsureDeclaredAtTop(targets[i], type);
            lhs.Add(Id(NameOf(targets[i])));
            rhs.Add(Coerce(value, type, "value").Node);
        }

        var result = new List<Stmt>();
        if (lhs.Count > 0)
        {
            result.Add(Assign(lhs, rhs));
        }

        result.Add(Continue());
        return result;
    }

    private void EnsureDeclaredAtTop(LocalBinding b, GoType type)
    {
        if (declared.Add(b))
        {
            topDeclarations.Add(new TopDeclaration(NameOf(b), type));
        }
    }

    private Stmt Try(TryStmt t)
    {
        // The blocks become Go closures: locals they assign must be declared outside them.
        foreach (var s in LoweredWalker.Statements(t.Body.Concat(t.Handler ?? []).Concat(t.Finally ?? [])))
        {
            if (s is AssignStmt a)
            {
                declareAtTop.Add(a.Target);
            }
        }

        tryDepth++;
        var body = EmitBlock(t.Body);
        Expr handler = Nil;
        if (t.Handler is { } h)
        {
            var name = t.CatchLocal is null ? "_" : (CountOf(reads, t.CatchLocal) > 0 ? NameOf(t.CatchLocal) : "_");
            if (t.CatchLocal is not null)
            {
                declared.Add(t.CatchLocal);
                types[t.CatchLocal] = GoType.Dynamic;
            }

            handler = FuncLit(FuncType([Param(name, GoType.Dynamic.ToSyntax())], null), EmitBlock(h));
        }

        Expr @finally = t.Finally is { } f ? FuncLit(FuncType([], null), EmitBlock(f)) : Nil;
        tryDepth--;
        return ExprStatement(RtCall("Try", FuncLit(FuncType([], null), body), handler, @finally));
    }

    /// <summary>A continue at the very end of a loop body says nothing; Go code leaves it out.</summary>
    private static List<Stmt> DropTrailingContinue(List<Stmt> body)
    {
        if (body.Count > 0 && body[^1] is BranchStmt { Tok: Token.Continue, Label: null })
        {
            body.RemoveAt(body.Count - 1);
        }

        return body;
    }

    private static bool IsTerminating(Stmt s) => s switch
    {
        GoReturn => true,
        BranchStmt => true,
        Zylisp.Zast.Ast.ExprStmt { X: GoCall { Fun: Ident { Name: "panic" } } } => true,
        GoIf { Else: BlockStmt e } i => Terminates(i.Body.List) && Terminates(e.List),
        ForStmt { Cond: null } f => !ContainsBreak(f.Body.List),
        _ => false,
    };

    private static bool Terminates(List<Stmt> stmts) => stmts.Count > 0 && IsTerminating(stmts[^1]);

    private static bool ContainsBreak(IEnumerable<Stmt> stmts) => stmts.Any(s => s switch
    {
        BranchStmt { Tok: Token.Break } => true,
        GoIf i => ContainsBreak(i.Body.List) || (i.Else is BlockStmt b && ContainsBreak(b.List)),
        _ => false,
    });

    // ---- calls ----

    private List<Stmt> TailCall(CallExpr call, List<Stmt> output)
    {
        if (kind == BodyKind.TopLevel)
        {
            return Discard(Expr(call, output));
        }

        // A self tail call with the same arity restarts the body's loop.
        if (selfArity is not null && IsSelf(call.Fn) && selfArity.Arity.Rest is null && call.Args.Length == selfArity.Arity.RequiredCount)
        {
            return Recur(selfArity.Arity.Params, call.Args, output);
        }

        if (kind == BodyKind.Dynamic && program.NeedsTrampoline(call))
        {
            var fn = Operand(call.Fn, output).Node;
            var args = call.Args.Select(a => Operand(a, output).Node).ToList();
            var trampoline = args.Count <= 3
                ? RtCall("TailCall" + args.Count.ToString(CultureInfo.InvariantCulture), [fn, .. args])
                : RtCall("TailCall", [fn, .. args]);
            // An error raised evaluating the callee or its arguments is located at the call.
            program.NoteSite(trampoline, call.Span);
            return [Return(RtCall("Leave", trampoline))];
        }

        // A tail call leaves no frame in the interpreter, so it does not count towards the depth.
        inTailCall = true;
        var value = Expr(call, output);
        inTailCall = false;
        return ReturnValue(value);
    }

    private bool IsSelf(Operand fn) => fn switch
    {
        LocalOperand { Access: LocalAccess.Self } => true,
        GlobalOperand g => selfArity is not null && program.Plan.Statics.TryGetValue(g.Var, out var s) && s.Arities.Any(a => a == selfArity),
        _ => false,
    };

    private GoExpr Invoke(CallExpr call, List<Stmt> output)
    {
        bool tail = inTailCall;
        inTailCall = false;
        if (call.Fn is ConstOperand { Value: Zylisp.Lang.Data.Keyword { Namespace: null } key } && call.Args is [LocalOperand arg]
            && RecordTypeOf(arg.Binding) is { } record && record.Field(key.Name) is { } field)
        {
            // (:x p) on a typed record: the struct's field, a plain Go value.
            return new GoExpr(Sel(Operand(arg, output).Node, field.GoName), field.Type);
        }

        if (call.Fn is GlobalOperand g)
        {
            if (g.Var.Name == "import" && !program.Plan.IsDefined(g.Var) && call.Args.All(a => a is ConstOperand { Value: string }))
            {
                // (import "strings"): a compile-time directive of the go target.
                foreach (var a in call.Args)
                {
                    program.Interop.Import((string)((ConstOperand)a).Value!);
                }

                return new GoExpr(Nil, GoType.Dynamic, true);
            }

            if (g.Var.Name == GoNumbers.Marker && call.Args is [ConstOperand { Value: string narrowType }, var marked])
            {
                return numbers.Narrow(narrowType, Operand(marked, output), functionName);
            }

            if (program.InteropName(g) is { } goName)
            {
                return program.Interop.Call(goName, call, call.Args.Select(a => Operand(a, output)).ToList());
            }

            if (program.IsBuiltin(g.Var))
            {
                return Builtin(g.Var.Name, call.Args.Select(a => Operand(a, output)).ToList(), call, output);
            }

            if (program.Plan.Statics.TryGetValue(g.Var, out var s) && s.ArityFor(call.Args.Length) is { } arity)
            {
                return DirectCall(s, arity, call.Args.Select(a => Operand(a, output)).ToList(), tail, output);
            }
        }

        if (call.Fn is LocalOperand { Access: LocalAccess.Self } && selfArity is not null && parent is null)
        {
            var s = program.Plan.Statics.Values.First(f => f.Arities.Contains(selfArity));
            if (s.ArityFor(call.Args.Length) is { } arity)
            {
                return DirectCall(s, arity, call.Args.Select(a => Operand(a, output)).ToList(), tail, output);
            }
        }

        PublishDepth(output);
        var fn = Operand(call.Fn, output);
        var args = call.Args.Select(a => GoType.ToDynamic(Operand(a, output)).Node).ToList();
        return new GoExpr(args.Count <= 3 ? RtCall("Call" + args.Count.ToString(CultureInfo.InvariantCulture), [fn.Node, .. args]) : RtCall("Call", [fn.Node, .. args]), GoType.Dynamic);
    }

    /// <summary>
    /// Before typed code calls into dynamic code, the runtime's counter takes the typed depth, so
    /// recursion that passes through both kinds still meets the limit (the dynamic callee's
    /// Enter and Leave balance, and the dynamic caller of the typed code restores its own depth).
    /// </summary>
    private void PublishDepth(List<Stmt> output)
    {
        if (DepthParameter is { } depth)
        {
            output.Add(ExprStatement(RtCall("SetDepth", Id(depth))));
        }
    }

    private GoExpr DirectCall(StaticFunction s, StaticArity arity, List<GoExpr> args, bool tail, List<Stmt> output)
    {
        if (!arity.Typed)
        {
            PublishDepth(output);
        }

        var goArgs = new List<Expr>();
        if (arity.CountsDepth)
        {
            // Typed code passes its own depth on; dynamic code starts from the runtime's counter.
            Expr depth = DepthParameter is { } own ? Id(own) : RtCall("Depth");
            goArgs.Add(tail ? depth : Binary(depth, Token.Add, Int(1)));
        }

        for (int i = 0; i < arity.Arity.RequiredCount; i++)
        {
            goArgs.Add(Coerce(args[i], arity.ParamTypes[i], "argument `" + arity.Arity.Params[i].Name + "`", s.Var.Name).Node);
        }

        if (arity.Arity.Rest is not null)
        {
            goArgs.Add(args.Count > arity.Arity.RequiredCount ? RtCall("NewList", [.. args.Skip(arity.Arity.RequiredCount).Select(a => GoType.ToDynamic(a).Node)]) : Nil);
        }

        Expr call = Call(Id(arity.GoName), goArgs);
        if (arity.MayReturnMarker)
        {
            call = RtCall("Settle", call);
        }

        if (arity.CountsDepth && DepthParameter is null)
        {
            // The typed callee may have set the counter to its own depth: put the caller's back.
            call = RtCall(RestoreDepthFor(arity.ReturnType), RtCall("Depth"), call);
        }

        return new GoExpr(call, arity.ReturnType);
    }

    /// <summary>The runtime function that restores the depth counter and passes a typed result through.</summary>
    public static string RestoreDepthFor(GoType type) => type.Kind switch
    {
        TypeKind.Integer => "RestoreDepthInt",
        TypeKind.Float => "RestoreDepthFloat",
        TypeKind.String => "RestoreDepthString",
        TypeKind.Bool => "RestoreDepthBool",
        _ when !type.IsDynamic => "RestoreDepthAs",
        _ => "RestoreDepth",
    };

    /// <summary>(doc name): the front end's text for the name, printed as a constant; a name computed at run time has none to print.</summary>
    private GoExpr PrintDoc(CallExpr call)
    {
        if (call.Args is not [ConstOperand { Value: Zylisp.Lang.Data.Symbol symbol }])
        {
            throw new GoCompileException(GoDiagnostics.Unsupported(
                "`doc` of a name computed at run time", "a Go program embeds the documentation of the names written in it", call.Span));
        }

        var text = program.Documentation.TryGetValue(symbol.Name, out var found) && found is not null
            ? found
            : "no documentation for " + symbol.Name;
        return new GoExpr(RtCall("Println", program.Constant(text).Node), GoType.Dynamic);
    }

    /// <summary>A call of a host primitive: Go operators on plain Go values, fixed-arity fast paths, else the variadic function.</summary>
    private GoExpr Builtin(string name, List<GoExpr> args, CallExpr call, List<Stmt> output)
    {
        if (CoreFunctions.NeedCompiler.Contains(name))
        {
            throw new GoCompileException(GoDiagnostics.NeedsCompiler(name, call.Span));
        }

        if (CoreFunctions.Unsupported.TryGetValue(name, out var why))
        {
            throw new GoCompileException(GoDiagnostics.Unsupported(name, why, call.Span));
        }

        if (name == Zylisp.Lang.Compilation.DocumentedNames.PrintDoc)
        {
            return PrintDoc(call);
        }

        if (GoNumbers.TryCompare(name, args) is { } comparison)
        {
            return comparison;
        }

        // Go-typed values (an int32, a []string) reach primitives as the Zylisp values they stand
        // for; a %narrow mark around the call may turn the widened arithmetic back (GoNumbers.Narrow).
        args = [.. args.Select(a => numbers.Widen(a))];
        if (Operators.TryEmit(name, args) is { } op)
        {
            return op;
        }

        // A primitive may call back into Zylisp functions (map, reduce, apply, swap!, …).
        PublishDepth(output);
        var goName = CoreFunctions.GoNames[name];
        return new GoExpr(RtCall(goName, [.. args.Select(a => a.Node)]), GoType.Dynamic);
    }

    // ---- expressions ----

    private GoExpr Expr(LExpr e, List<Stmt> output) => e.Accept(new ExpressionEmitter(this, output));

    /// <summary>Each lowered expression kind, operands included; a visitor, so a new kind is a build error here.</summary>
    private sealed class ExpressionEmitter(FunctionEmitter emitter, List<Stmt> output) : ILoweredExprVisitor<GoExpr>
    {
        public GoExpr VisitConst(ConstOperand node) => emitter.program.Constant(node.Value);

        public GoExpr VisitLocal(LocalOperand node) => emitter.Local(node);

        public GoExpr VisitGlobal(GlobalOperand node) => emitter.program.GlobalValue(node.Var, node.Span);

        public GoExpr VisitCall(CallExpr node) => emitter.program.NoteCallSite(emitter.Invoke(node, output), node.Span);

        public GoExpr VisitCollection(CollectionExpr node) => new(RtCall(node.Kind switch
        {
            CollectionKind.Vector => "NewVector",
            CollectionKind.Map => "NewMap",
            _ => "NewSet",
        }, [.. node.Items.Select(i => GoType.ToDynamic(emitter.Operand(i, output)).Node)]), GoType.Dynamic);

        public GoExpr VisitFn(FnExpr node) => emitter.Closure(node.Function, output);

        public GoExpr VisitDef(DefExpr node) => emitter.Def(node, output);
    }

    private GoExpr Def(DefExpr d, List<Stmt> output)
    {
        if (program.Plan.Statics.TryGetValue(d.Var, out var s))
        {
            output.Add(Assign(Id(s.ValueName), program.FunctionValue(s)));
            return new GoExpr(Id(s.ValueName), GoType.Dynamic);
        }

        var global = program.GlobalName(d.Var);
        if (d.Init is null)
        {
            return new GoExpr(Call(Sel(Id(global), "Declare")), GoType.Dynamic);
        }

        return new GoExpr(Call(Sel(Id(global), "Def"), GoType.ToDynamic(Operand(d.Init, output)).Node), GoType.Dynamic);
    }

    private GoExpr Operand(Operand o, List<Stmt> output) => Expr(o, output);

    private GoExpr Local(LocalOperand l)
    {
        if (l.Access == LocalAccess.Self)
        {
            return new GoExpr(Id(SelfName()), GoType.Dynamic);
        }

        if (pending is not null)
        {
            int index = pending.Items.FindIndex(p => p.Binding == l.Binding);
            if (index >= 0)
            {
                var value = pending.Items[index].Value;
                pending.Items.RemoveAt(index);
                return value;
            }
        }

        if (program.Plan.StaticsByTemp.TryGetValue(l.Binding, out var s))
        {
            return new GoExpr(Id(s.ValueName), GoType.Dynamic);
        }

        return new GoExpr(Id(NameOf(l.Binding)), TypeOf(l.Binding));
    }

    private string SelfName()
    {
        if (SelfValueName is not null)
        {
            return SelfValueName;
        }

        if (parent is not null)
        {
            return parent.SelfName();
        }

        throw new InvalidOperationException("self reference outside a named function");
    }

    /// <summary>A closure: an rt.Fn whose arities are Go function literals.</summary>
    private GoExpr Closure(LFunction function, List<Stmt> output)
    {
        // Go closures share variables; Zylisp closures capture values. A local that is assigned
        // again later (a loop variable) is copied first, so the closure keeps today's value.
        var copies = new Dictionary<LocalBinding, string>();
        foreach (var c in function.Captures)
        {
            if (c.SourceAccess == LocalAccess.Self)
            {
                copies[c.Binding] = SelfName();
                continue;
            }

            if (c.SourceAccess == LocalAccess.Slot && CountOf(assigns, c.Binding) > 1)
            {
                var copy = Names.Fresh(c.Binding.Name);
                output.Add(Define(copy, Id(NameOf(c.Binding))));
                copies[c.Binding] = copy;
            }
        }

        // Self is used directly, or captured by a closure inside (a named fn whose lazy-seq body calls it).
        bool usesSelf = function.Arities.Any(a =>
            LoweredWalker.Statements(a.Body).SelectMany(LoweredWalker.ImmediateOperands).Any(op => op is LocalOperand { Access: LocalAccess.Self })
            || LoweredWalker.Statements(a.Body).Select(LoweredWalker.ExprOf).OfType<FnExpr>().Any(fn => fn.Function.Captures.Any(c => c.SourceAccess == LocalAccess.Self)));
        string? selfName = usesSelf ? Names.Fresh(function.Name.Length == 0 ? "fn" : function.Name) : null;
        var value = program.FunctionLiteral(function, this, selfName, copies);
        if (selfName is null)
        {
            return new GoExpr(value, GoType.Dynamic);
        }

        output.Add(VarDecl(selfName, new StarExpr { X = Rt("Fn") }));
        output.Add(Assign(Id(selfName), value));
        return new GoExpr(Id(selfName), GoType.Dynamic);
    }

    /// <summary>Makes a child emitter for a nested function's arity, with captured copies renamed.</summary>
    public FunctionEmitter Child(BodyKind childKind, string name, GoType result, IReadOnlyDictionary<LocalBinding, string> copies, string? selfName)
    {
        var child = new FunctionEmitter(program, this, childKind, name, result, null, forcedDynamic) { SelfValueName = selfName };
        foreach (var (b, n) in copies)
        {
            child.captureNames[b] = n;
        }

        return child;
    }

    /// <summary>Converts a value to the Go type a parameter, result or local needs; a wrong type is the interpreter's annotation error.</summary>
    private GoExpr Coerce(GoExpr value, GoType target, string what, string? function = null)
    {
        if (value.Type == target)
        {
            return value;
        }

        if (target.IsDynamic)
        {
            return GoType.ToDynamic(value);
        }

        if (GoNumbers.Convert(value, target) is { } converted)
        {
            return converted;
        }

        if (value.IsConstant && target == GoType.Float && value.Type == GoType.Int)
        {
            // An integer literal where a float is wanted is still an integer to Zylisp: an annotation error.
            return new GoExpr(RtCall("AsFloat", value.Node, GoSyntax.Str(function ?? functionName), GoSyntax.Str(what)), target);
        }

        string? converter = target.Kind switch
        {
            TypeKind.Integer => "AsInt",
            TypeKind.Float => "AsFloat",
            TypeKind.String => "AsString",
            TypeKind.Bool => "AsBool",
            _ => null,
        };
        if (converter is null && target.Record is { } record)
        {
            return new GoExpr(Call(Id(record.ConverterName), value.Node, GoSyntax.Str(function ?? functionName), GoSyntax.Str(what)), target);
        }

        if (converter is null)
        {
            // rt.AsGo[int32](v, ...): converted as Go interop converts arguments, or the annotation error.
            var dynamic = value.Type.IsDynamic ? value.Node : Call(Rt("Value"), value.Node);
            return new GoExpr(Call(new IndexExpr { X = Rt("AsGo"), Index = target.ToSyntax() }, dynamic, GoSyntax.Str(function ?? functionName), GoSyntax.Str(what)), target);
        }

        return new GoExpr(RtCall(converter, value.Node, GoSyntax.Str(function ?? functionName), GoSyntax.Str(what)), target);
    }
}

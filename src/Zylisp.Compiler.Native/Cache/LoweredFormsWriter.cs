using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Native.Cache;

/// <summary>
/// Writes lowered forms as a flat token text that <see cref="LoweredFormsReader"/> reads back into
/// an equal tree: every node, span, local binding (by identity), global (by name), type annotation
/// and definition metadata. Tokens are separated by one space: integers in decimal, strings as
/// <c>LENGTH:TEXT</c> (any text, line breaks included), <c>~</c> for an absent value, and one
/// letter naming each node kind. A local binding is written in full the first time and by number
/// after that, so the reader restores shared identity (a loop's bindings are its recur's targets);
/// a span's file name likewise (spans are most of the text). Constants are kept to the kinds the
/// library's code and definition metadata hold (nil, booleans, integers, floats, characters,
/// strings, keywords, symbols with their metadata, and unsorted vectors, lists, maps and sets of
/// those, with their spans); anything else throws <see cref="NotSupportedException"/> and nothing
/// is cached.
/// </summary>
internal sealed class LoweredFormsWriter : ILoweredExprVisitor<LoweredFormsWriter>, ILoweredStmtVisitor<LoweredFormsWriter>
{
    private readonly StringBuilder text = new();
    private readonly Dictionary<LocalBinding, int> bindings = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, int> files = new(StringComparer.Ordinal);

    private LoweredFormsWriter()
    {
    }

    /// <summary>The forms as token text.</summary>
    /// <exception cref="NotSupportedException">A constant or metadata of a kind the format does not hold.</exception>
    public static string Write(IReadOnlyList<LTopLevel> forms)
    {
        var writer = new LoweredFormsWriter();
        writer.Int(forms.Count);
        foreach (var form in forms)
        {
            writer.Int(form.FrameSize).Statements(form.Body);
        }

        return writer.text.ToString();
    }

    public LoweredFormsWriter VisitConst(ConstOperand node) => Constant(node.Value).Span(node.Span);

    public LoweredFormsWriter VisitLocal(LocalOperand node) => Tag('l').Binding(node.Binding).Int((int)node.Access).Int(node.Index).Span(node.Span);

    public LoweredFormsWriter VisitGlobal(GlobalOperand node) => Tag('g').String(node.Var.Name).Span(node.Span);

    public LoweredFormsWriter VisitCall(CallExpr node) => Tag('c').Expr(node.Fn).Operands(node.Args).String(node.Caller).Span(node.Span);

    public LoweredFormsWriter VisitCollection(CollectionExpr node) => Tag('v').Int((int)node.Kind).Operands(node.Items).Span(node.Span);

    // 'F', not 'f': 'f' is the constant false, which may stand where an expression does.
    public LoweredFormsWriter VisitFn(FnExpr node) => Tag('F').Function(node.Function).Span(node.Span);

    public LoweredFormsWriter VisitDef(DefExpr node)
    {
        Tag('d').String(node.Var.Name);
        if (node.Init is null)
        {
            Absent();
        }
        else
        {
            Expr(node.Init);
        }

        return Tag('m').Constant(node.Meta).Span(node.Span);
    }

    public LoweredFormsWriter VisitExpr(ExprStmt node) => Tag('E').Expr(node.Value).Span(node.Span);

    public LoweredFormsWriter VisitAssign(AssignStmt node) => Tag('A').Binding(node.Target).Expr(node.Value).Span(node.Span);

    public LoweredFormsWriter VisitReturn(ReturnStmt node) => Tag('R').Expr(node.Value).Span(node.Span);

    public LoweredFormsWriter VisitTailCall(TailCallStmt node) => Tag('T').Expr(node.Call).Span(node.Span);

    public LoweredFormsWriter VisitIf(IfStmt node) =>
        Tag('I').Expr(node.Test).Statements(node.Then).Statements(node.Else).Int((int)node.Truthiness).Span(node.Span);

    public LoweredFormsWriter VisitLoop(LoopStmt node) => Tag('L').Bindings(node.Bindings).Statements(node.Body).Span(node.Span);

    public LoweredFormsWriter VisitRecur(RecurStmt node) => Tag('C').Bindings(node.Targets).Operands(node.Args).Span(node.Span);

    public LoweredFormsWriter VisitTry(TryStmt node)
    {
        Tag('Y').Statements(node.Body);
        if (node.CatchLocal is null)
        {
            Absent();
        }
        else
        {
            Binding(node.CatchLocal);
        }

        return OptionalStatements(node.Handler).OptionalStatements(node.Finally).Span(node.Span);
    }

    public LoweredFormsWriter VisitThrow(ThrowStmt node) => Tag('W').Expr(node.Value).String(node.Caller).Span(node.Span);

    private LoweredFormsWriter Expr(LExpr expr) => expr.Accept(this);

    private LoweredFormsWriter Statements(ImmutableArray<LStmt> statements)
    {
        Int(statements.Length);
        foreach (var statement in statements)
        {
            statement.Accept(this);
        }

        return this;
    }

    private LoweredFormsWriter OptionalStatements(ImmutableArray<LStmt>? statements) =>
        statements is { } present ? Statements(present) : Absent();

    private LoweredFormsWriter Operands(ImmutableArray<Operand> operands)
    {
        Int(operands.Length);
        foreach (var operand in operands)
        {
            operand.Accept(this);
        }

        return this;
    }

    private LoweredFormsWriter Bindings(ImmutableArray<LocalBinding> list)
    {
        Int(list.Length);
        foreach (var binding in list)
        {
            Binding(binding);
        }

        return this;
    }

    /// <summary><c>n NAME SLOT SPAN</c> the first time (numbered in order of appearance), <c>b NUMBER</c> after that.</summary>
    private LoweredFormsWriter Binding(LocalBinding binding)
    {
        if (bindings.TryGetValue(binding, out var number))
        {
            return Tag('b').Int(number);
        }

        bindings.Add(binding, bindings.Count);
        return Tag('n').String(binding.Name).Int(binding.Slot).Span(binding.Span);
    }

    private LoweredFormsWriter Function(LFunction function)
    {
        String(function.Name).Int(function.Arities.Length);
        foreach (var arity in function.Arities)
        {
            Bindings(arity.Params);
            if (arity.Rest is null)
            {
                Absent();
            }
            else
            {
                Binding(arity.Rest);
            }

            Int(arity.FrameSize).Statements(arity.Body).Int(arity.HasRecur ? 1 : 0);
            if (arity.ParamTypes.IsDefault)
            {
                Absent();
            }
            else
            {
                Int(arity.ParamTypes.Length);
                foreach (var type in arity.ParamTypes)
                {
                    Type(type);
                }
            }

            Type(arity.ReturnType);
        }

        Int(function.Captures.Length);
        foreach (var capture in function.Captures)
        {
            Binding(capture.Binding).Int((int)capture.SourceAccess).Int(capture.SourceIndex);
        }

        return Span(function.Span);
    }

    private LoweredFormsWriter Type(TypeAnnotation? type) => type is null ? Absent() : String(type.Name).Int((int)type.Kind);

    private LoweredFormsWriter Constant(object? value) => value switch
    {
        null => Tag('z'),
        true => Tag('t'),
        false => Tag('f'),
        long n => Tag('i').Long(n),
        double d => Tag('x').Long(BitConverter.DoubleToInt64Bits(d)),
        char c => Tag('h').Int(c),
        string s => Tag('s').String(s),
        Keyword k => Tag('k').OptionalString(k.Namespace).String(k.Name),
        Symbol y => Tag('y').OptionalString(y.Namespace).String(y.Name).OptionalConstant(y.Meta).Span(y.Span),
        PersistentVector v => Tag('V').Items(v.Count, v).Span(v.Span),
        PersistentList l => Tag('U').Items(l.Count, l).Span(l.Span),
        PersistentMap { IsSorted: false } m => Tag('M').Entries(m).Span(m.Span),
        PersistentSet { IsSorted: false } s => Tag('S').Items(s.Count, s).Span(s.Span),
        _ => throw new NotSupportedException("a lowered constant of type " + value.GetType().Name),
    };

    private LoweredFormsWriter OptionalConstant(object? value) => value is null ? Absent() : Constant(value);

    private LoweredFormsWriter Items(int count, IEnumerable<object?> items)
    {
        Int(count);
        foreach (var item in items)
        {
            Constant(item);
        }

        return this;
    }

    private LoweredFormsWriter Entries(PersistentMap map)
    {
        Int(map.Count);
        foreach (var (key, value) in map.Entries)
        {
            Constant(key).Constant(value);
        }

        return this;
    }

    /// <summary><c>p FILE …</c> with the file's name the first time (numbered in order of appearance), <c>q NUMBER …</c> after that.</summary>
    private LoweredFormsWriter Span(SourceSpan? span)
    {
        if (span is null)
        {
            return Absent();
        }

        if (files.TryGetValue(span.File, out var number))
        {
            Tag('q').Int(number);
        }
        else
        {
            files.Add(span.File, files.Count);
            Tag('p').String(span.File);
        }

        return Int(span.Line).Int(span.Column).Int(span.EndLine).Int(span.EndColumn).Int(span.StartOffset).Int(span.EndOffset);
    }

    private LoweredFormsWriter Tag(char tag)
    {
        text.Append(tag).Append(' ');
        return this;
    }

    private LoweredFormsWriter Absent() => Tag('~');

    private LoweredFormsWriter Int(int value) => Long(value);

    private LoweredFormsWriter Long(long value)
    {
        text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(' ');
        return this;
    }

    private LoweredFormsWriter String(string value)
    {
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append(' ');
        return this;
    }

    private LoweredFormsWriter OptionalString(string? value) => value is null ? Absent() : String(value);
}

using System.Collections.Immutable;
using System.Globalization;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Native.Jit;

/// <summary>
/// The source spans of a session's forms by their "file:line:col" start, the shape native error
/// sites record: a native error's span is found again whole, so its report underlines the call as
/// the interpreter's does. A start shared by nested nodes keeps the widest span; a later form
/// replaces an earlier one at the same start (REPL entries all start at line 1 of their file).
/// </summary>
internal sealed class SiteSpans : IIrVisitor<bool>
{
    private readonly Dictionary<string, SourceSpan> spans = new(StringComparer.Ordinal);
    private HashSet<string> seenThisForm = new(StringComparer.Ordinal);

    /// <summary>Records every node's span of <paramref name="body"/>.</summary>
    public void Add(Node body)
    {
        seenThisForm = new HashSet<string>(StringComparer.Ordinal);
        body.Accept(this);
    }

    public SourceSpan? Find(string site) => spans.GetValueOrDefault(site);

    public static string Key(SourceSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.File}:{span.Line}:{span.Column}");

    public bool VisitConst(ConstNode node) => Note(node);

    public bool VisitLocalRef(LocalRefNode node) => Note(node);

    public bool VisitGlobalRef(GlobalRefNode node) => Note(node);

    public bool VisitCollection(CollectionNode node) => Note(node) && All(node.Items);

    public bool VisitIf(IfNode node) => Note(node) && node.Test.Accept(this) && node.Then.Accept(this) && node.Else.Accept(this);

    public bool VisitDo(DoNode node) => Note(node) && All(node.Statements) && node.Result.Accept(this);

    public bool VisitLet(LetNode node) => Note(node) && All(node.Bindings.Select(b => b.Init)) && node.Body.Accept(this);

    public bool VisitLoop(LoopNode node) => Note(node) && All(node.Bindings.Select(b => b.Init)) && node.Body.Accept(this);

    public bool VisitRecur(RecurNode node) => Note(node) && All(node.Args);

    public bool VisitFn(FnNode node) => Note(node) && All(node.Arities.Select(a => a.Body));

    public bool VisitDef(DefNode node) => Note(node) && (node.Init is null || node.Init.Accept(this));

    public bool VisitInvoke(InvokeNode node) => Note(node) && node.Fn.Accept(this) && All(node.Args);

    public bool VisitTry(TryNode node) =>
        Note(node) && node.Body.Accept(this) && (node.Handler is null || node.Handler.Accept(this)) && (node.Finally is null || node.Finally.Accept(this));

    public bool VisitThrow(ThrowNode node) => Note(node) && node.Value.Accept(this);

    private bool All(IEnumerable<Node> nodes)
    {
        foreach (var node in nodes)
        {
            node.Accept(this);
        }

        return true;
    }

    private bool All(ImmutableArray<Node> nodes) => All((IEnumerable<Node>)nodes);

    private bool Note(Node node)
    {
        if (node.Span is { Line: > 0 } span)
        {
            var key = Key(span);
            if (seenThisForm.Add(key) || !spans.TryGetValue(key, out var known) || span.Length > known.Length)
            {
                spans[key] = span;
            }
        }

        return true;
    }
}

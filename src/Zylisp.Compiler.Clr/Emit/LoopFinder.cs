using Zylisp.Lang.Analysis;

namespace Zylisp.Compiler.Clr.Emit;

/// <summary>Whether code loops by itself (a <c>loop</c> outside any nested fn, whose own calls the fn's counter sees).</summary>
internal static class LoopFinder
{
    public static bool HasLoop(Node node) => node switch
    {
        LoopNode => true,
        FnNode or ConstNode or LocalRefNode or GlobalRefNode => false,
        CollectionNode c => c.Items.Any(HasLoop),
        IfNode i => HasLoop(i.Test) || HasLoop(i.Then) || HasLoop(i.Else),
        DoNode d => d.Statements.Any(HasLoop) || HasLoop(d.Result),
        LetNode l => l.Bindings.Any(b => HasLoop(b.Init)) || HasLoop(l.Body),
        RecurNode r => r.Args.Any(HasLoop),
        DefNode d => d.Init is not null && HasLoop(d.Init),
        InvokeNode c => HasLoop(c.Fn) || c.Args.Any(HasLoop),
        ThrowNode t => HasLoop(t.Value),
        TryNode t => HasLoop(t.Body) || (t.Handler is not null && HasLoop(t.Handler)) || (t.Finally is not null && HasLoop(t.Finally)),
        // A node kind added to the IR: assume it may loop, so it is compiled optimized.
        _ => true,
    };
}

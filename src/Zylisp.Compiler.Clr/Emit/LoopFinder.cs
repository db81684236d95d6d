using Zylisp.Lang.Analysis;

namespace Zylisp.Compiler.Clr.Emit;

/// <summary>Whether code loops by itself (a <c>loop</c> outside any nested fn, whose own calls the fn's counter sees).</summary>
internal static class LoopFinder
{
    public static bool HasLoop(Node node)
    {
        if (node is LoopNode)
        {
            return true;
        }

        foreach (var child in IrChildren.Of(node))
        {
            if (HasLoop(child))
            {
                return true;
            }
        }

        return false;
    }
}

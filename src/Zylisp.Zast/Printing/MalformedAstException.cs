using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

/// <summary>Raised inside the printer for a node it cannot print; <see cref="GoPrinter"/> turns it into an error result.</summary>
internal sealed class MalformedAstException(string message, Node? node) : Exception(message)
{
    public Node? Node { get; } = node;
}

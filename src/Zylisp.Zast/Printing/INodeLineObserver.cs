using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

/// <summary>
/// Learns on which output line the printer writes the first token of the expressions it wants
/// (<see cref="GoPrinter.Print(FileSet, Node, PrinterOptions?, INodeLineObserver?)"/>): a code
/// generator's way to map printed Go lines back to its own source while printing.
/// </summary>
public interface INodeLineObserver
{
    /// <summary>Whether the line of <paramref name="expression"/> is wanted; asked once per printed expression.</summary>
    bool Wants(Expr expression);

    /// <summary>The 1-based output line of the first token of <paramref name="expression"/>.</summary>
    void Printed(Expr expression, int line);
}

namespace Zylisp.Zast.Printing;

/// <summary>Output modes of the printer, as go/printer.Mode.</summary>
[Flags]
public enum PrinterMode
{
    None = 0,
    /// <summary>No tabwriter: cells are not aligned and <see cref="UseSpaces"/> is ignored.</summary>
    RawFormat = 1 << 0,
    /// <summary>Indent with tabs even when aligning with spaces.</summary>
    TabIndent = 1 << 1,
    /// <summary>Align with spaces instead of tabs.</summary>
    UseSpaces = 1 << 2,
    /// <summary>Canonicalise number literal prefixes and exponents (<c>0X1</c> → <c>0x1</c>), as gofmt does.</summary>
    NormalizeNumbers = 1 << 3,
}

/// <summary>The printer's configuration, as go/printer.Config; <see cref="Gofmt"/> is what gofmt uses.</summary>
public sealed record PrinterOptions
{
    /// <summary>gofmt's configuration: <c>UseSpaces | TabIndent | normalizeNumbers</c>, tab width 8.</summary>
    public static PrinterOptions Gofmt { get; } = new();

    public PrinterMode Mode { get; init; } = PrinterMode.UseSpaces | PrinterMode.TabIndent | PrinterMode.NormalizeNumbers;

    public int TabWidth { get; init; } = 8;

    /// <summary>Extra indentation (in tabs) of every line.</summary>
    public int Indent { get; init; }

    /// <summary>Nesting depth of the AST beyond which printing reports an error instead of risking the stack.</summary>
    public int MaxDepth { get; init; } = 100_000;
}

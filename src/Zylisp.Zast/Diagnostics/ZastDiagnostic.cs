using System.Globalization;

namespace Zylisp.Zast.Diagnostics;

public enum ZastSeverity
{
    Warning,
    Error,
}

/// <summary>Where a diagnostic points: a file name and a 1-based line and column (in characters).</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// One problem found while reading, building or validating zast text. The message text lives in
/// <see cref="ZastDiagnosticCatalog"/>; tests assert on <see cref="Id"/>, <see cref="Location"/> and <see cref="Path"/>.
/// </summary>
/// <param name="Id">A stable id, e.g. <c>ZAST2001</c>.</param>
/// <param name="Location">The S-expression the problem is in.</param>
/// <param name="Path">The tree path to it (<c>File.decls[2].body.list[0]</c>), or empty when it is not inside a tree.</param>
/// <param name="Args">Values the catalogue's message template is filled with.</param>
public sealed record ZastDiagnostic(string Id, ZastSeverity Severity, SourceLocation Location, string Path, IReadOnlyList<string> Args)
{
    public string Message => ZastDiagnosticCatalog.Format(Id, Args);

    /// <summary>
    /// <c>file:line:col: error: File.decls[2]: expected Stmt, got BasicLit [ZAST2004]</c>: the same
    /// shape as Zylisp.Lang's diagnostics, so every Zylisp error reads (and parses) alike.
    /// <see cref="ZastDiagnosticFormatter"/> adds the source line and a caret.
    /// </summary>
    public override string ToString()
    {
        var severity = Severity == ZastSeverity.Error ? "error" : "warning";
        var path = Path.Length == 0 ? "" : Path + ": ";
        return string.Create(CultureInfo.InvariantCulture, $"{Location}: {severity}: {path}{Message} [{Id}]");
    }
}

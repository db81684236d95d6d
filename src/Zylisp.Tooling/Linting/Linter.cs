using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Syntax;

namespace Zylisp.Tooling.Linting;

/// <summary>What linting one file gave: its findings (warnings), or the read errors that stopped it.</summary>
public sealed record LintResult(IReadOnlyList<Diagnostic> Findings, IReadOnlyList<Diagnostic> Errors)
{
    public bool HasFindings => Findings.Count > 0 || Errors.Count > 0;
}

/// <summary>
/// <c>zylisp lint</c>'s engine (docs/design/lint.md): reads a file with the language reader and
/// walks its forms as written, without expanding or running anything, tracking locals the way the
/// binding forms do. What it knows about the core library (names, macros, arities) it asks an
/// <see cref="Engine"/>; one linter can check many files.
/// </summary>
public sealed class Linter
{
    private readonly Engine core;

    public Linter(Engine? core = null)
    {
        this.core = core ?? new Engine(new EngineOptions { WriteWarnings = false });
    }

    public LintResult Lint(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var read = Reader.ReadAll(text, file);
        bool slisp = file.EndsWith(".slisp", StringComparison.OrdinalIgnoreCase);
        var errors = read.Diagnostics.Where(d => d.IsError && !(slisp && d.Id == DiagnosticIds.DuplicateSetElement)).ToList();
        if (errors.Count > 0)
        {
            return new LintResult([], errors);
        }

        var walk = new LintWalk(core, new SourceText(file, text), slisp);
        // An engine is single-threaded (asking about a global may load prelude definitions), so one
        // linter shared by several threads checks one file at a time.
        lock (core)
        {
            walk.Run(read.Forms);
        }

        var findings = walk.Findings
            .OrderBy(d => d.Span?.StartOffset ?? -1)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
        return new LintResult(findings, []);
    }
}

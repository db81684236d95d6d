using System.Collections.Immutable;
using Zylisp.Lang;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;
using Zylisp.Compiler.Native.Emit;

namespace Zylisp.Compiler.Native;

/// <summary>The outcome of collecting a program: its lowered forms, or the diagnostics that stop the build.</summary>
public sealed record CollectedProgram(NativeProgram? Program, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The text of every file the program read, for quoting source lines under diagnostics.</summary>
    public SourceRegistry? Sources { get; init; }
}

/// <summary>
/// The front end for a native build: <see cref="Engine.CollectProgram"/> gives the prelude
/// definitions the program reaches and its own forms, analyzed with macros expanded; this lowers
/// them. A call to eval, load-file or macroexpand is a compile-time error naming the function and
/// the native target, since a native executable carries no compiler.
/// </summary>
public static class ProgramCollector
{
    public const string TargetName = "native";

    /// <summary>The cache folder a command uses by default: <c>$XDG_CACHE_HOME/zylisp</c> or <c>~/.cache/zylisp</c> (null when neither is known).</summary>
    public static string? DefaultCacheDirectory() => Cache.CacheFolder.DefaultDirectory();

    /// <param name="cacheDirectory">The zylisp cache folder for the library's analyzed forms (<see cref="Cache.LibraryFormsCache"/>), or null to use none.</param>
    public static CollectedProgram Collect(string source, string file, ExitRule exit, string? cacheDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var image = Engine.CollectProgram(source, file, new EngineOptions { TargetName = "native" });
        if (!image.Success)
        {
            return new CollectedProgram(null, image.Diagnostics) { Sources = image.Sources };
        }

        if (image.CompilerUses.Count > 0)
        {
            return new CollectedProgram(null, [.. image.Diagnostics, .. image.CompilerErrors(TargetName)]) { Sources = image.Sources };
        }

        if (image.ComputedDocNames.Count > 0)
        {
            return new CollectedProgram(null, [.. image.Diagnostics, Diagnostic.Create(DiagnosticIds.NativeUnsupported, image.ComputedDocNames[0],
                "`doc` of a name computed at run time (a native program embeds the documentation of the names written in it)")]) { Sources = image.Sources };
        }

        image = image with { Forms = [.. NativeDocumentation.Table(image.Documentation), .. image.Forms] };

        // The Zylisp-written part of the runtime comes first: its top-level forms (a def of
        // *command-line-args*, say) must run before the program's.
        var library = NativeLibrary.Lowered(image, RuntimeLibrary.Names, cacheDirectory);
        var forms = library.Concat(image.Definitions.Concat(image.Forms).Select(Lowerer.Lower)).ToImmutableArray();
        return new CollectedProgram(new NativeProgram(forms, image.Dialect, exit, image.MainName), image.Diagnostics) { Sources = image.Sources };
    }
}

using System.Reflection;
using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Lang.Analysis;

namespace Zylisp.Compiler.Clr.Persist;

/// <summary>
/// A loaded persisted program (<see cref="ProgramWriter"/>): its source text and file name, and
/// the compiled code of its top-level forms, found by content key. A form is bound only when
/// its key, its method count and the shape of every rebuilt constant pool match what was
/// persisted; anything else (a form the build never saw, an eval, a macro that expanded
/// differently this time) is not bound, and the engine compiles it in-process instead.
/// </summary>
public sealed class PersistedProgram
{
    private readonly Type code;
    // The value is a class, not a tuple: a dictionary over a value type is not precompiled by
    // ReadyToRun, and its eight methods were JIT-compiled in every run that used the cache.
    private readonly Dictionary<string, ManifestEntry> groups = new(StringComparer.Ordinal);
    private readonly List<string> notBound = [];

    private PersistedProgram(Type code)
    {
        this.code = code;
        Source = ReadString(code, PersistedNames.SourceMethod);
        File = ReadString(code, PersistedNames.FileMethod);
        CompilerVersion = ReadString(code, PersistedNames.VersionMethod);
        foreach (var line in ReadString(code, PersistedNames.ManifestMethod).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = line.Split(' ');
            groups[fields[0]] = new ManifestEntry(int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), fields[3]);
        }
    }

    /// <summary>The program's source text, as it was built.</summary>
    public string Source { get; }

    /// <summary>The name its diagnostics and traces give the source (as <c>zylisp run</c> names it).</summary>
    public string File { get; }

    /// <summary>The compiler that wrote it (<see cref="PersistedNames.CompilerVersion"/>).</summary>
    public string CompilerVersion { get; }

    /// <summary>Whether it was written by this very compiler and runtime.</summary>
    public bool IsCurrent => CompilerVersion == PersistedNames.CompilerVersion;

    /// <summary>How many forms were bound to persisted code, and how many were compiled in-process.</summary>
    public int Bound { get; private set; }

    public int NotBound => notBound.Count;

    /// <summary>Where each form that was not bound starts (for diagnosis).</summary>
    public IReadOnlyList<string> NotBoundForms => notBound;

    /// <summary>Reads the program from its code type (the built program's <c>Main</c> passes it).</summary>
    public static PersistedProgram Load(Type code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return new PersistedProgram(code);
    }

    /// <summary>Reads the program from a loaded persisted assembly.</summary>
    public static PersistedProgram Load(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return new PersistedProgram(assembly.GetType(PersistedNames.CodeType, throwOnError: true)!);
    }

    /// <summary>The persisted code of <paramref name="top"/> bound to its constants, or null when there is none that fits.</summary>
    internal ArityBody0? TryBind(TopLevel top)
    {
        if (!groups.TryGetValue(PersistedNames.KeyOf(top), out var group))
        {
            notBound.Add(top.Body.Span?.ToString() ?? "?");
            return null;
        }

        try
        {
            var sink = new BindingSink(code, group.Group);
            var body = new IlCompiler(sink).CompileTopLevelInto(top);
            if (body is not null && sink.Count == group.Count && PersistedNames.Hash(sink.PoolShape.ToString()) == group.PoolShape)
            {
                Bound++;
                return body;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or MissingMethodException or TypeLoadException or BadImageFormatException)
        {
            // A persisted method that does not fit its rebuilt pool: compile the form afresh instead.
        }

        notBound.Add((top.Body.Span?.ToString() ?? "?") + " (its code does not fit)");
        return null;
    }

    /// <summary>The persisted code of a fn expression bound to its constants, or null when there is none that fits.</summary>
    internal CompiledTemplate? TryBindFunction(FnNode fn)
    {
        if (groups.TryGetValue(PersistedNames.KeyOf(fn), out var group))
        {
            try
            {
                var sink = new BindingSink(code, group.Group);
                var template = new IlCompiler(sink).CompileFunction(fn);
                if (sink.Count == group.Count && PersistedNames.Hash(sink.PoolShape.ToString()) == group.PoolShape)
                {
                    Bound++;
                    return template;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or MissingMethodException or TypeLoadException or BadImageFormatException)
            {
                // As for a top-level form: compile the fn afresh instead.
            }
        }

        notBound.Add("fn " + fn.Name + " " + (fn.Span?.ToString() ?? "?"));
        return null;
    }

    private sealed record ManifestEntry(int Group, int Count, string PoolShape);

    private static string ReadString(Type code, string method) =>
        code.GetMethod(method, BindingFlags.Public | BindingFlags.Static)?.Invoke(null, null) as string
            ?? throw new BadImageFormatException("not a persisted Zylisp program: no " + method);
}

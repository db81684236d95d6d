using System.Runtime.Loader;
using System.IO.Hashing;
using System.Text;
using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Lang.Analysis;

namespace Zylisp.Compiler.Clr.Persist;

/// <summary>
/// One run's use of the on-disk code cache (the seed's Tier 2; docs/design/il-backend.md, "On-disk
/// cache"). An entry is a persisted assembly (<see cref="ProgramWriter"/>) of the code one run of a
/// file compiled: every top-level form on the <c>il</c> engine, the hot fns on <c>tiered</c>.
/// The entry's name hashes the compiler version, the engine, the file's name and its text; inside
/// it each form and fn is found by its content key, so code a dependency (a load-file, a macro)
/// changed is simply not found and is compiled afresh. The entry is read lazily, on the first
/// compilation, so a run that compiles nothing (hello world on tiered) only hashes its source.
/// A corrupt, truncated or stale entry is ignored and replaced; it never fails the run.
/// </summary>
public sealed class CodeCache
{
    private static readonly byte[] Magic = "ZLC2"u8.ToArray();

    /// <summary>The magic and the image's XxHash128 (see <see cref="PersistedNames.Hash"/>).</summary>
    private const int HeaderLength = 4 + 16;

    /// <summary>
    /// The most forms and fns one run records for its entry. A run that compiles more keeps making
    /// new code (<c>eval</c> in a loop, a generated REPL session): recording all of it would keep
    /// every form alive until the run ends and write an entry no later run can use, so past this
    /// the run stops recording and writes nothing.
    /// </summary>
    internal const int MaxRecorded = 10_000;

    private readonly string source;
    private readonly string file;
    private readonly List<TopLevel> forms = [];
    private readonly List<FnNode> functions = [];
    private PersistedProgram? program;
    private bool loaded;
    private bool overflowed;

    private CodeCache(string entryPath, string source, string file)
    {
        EntryPath = entryPath;
        this.source = source;
        this.file = file;
    }

    /// <summary>The entry's file.</summary>
    public string EntryPath { get; }

    /// <summary>Whether this run found a valid entry (known after the first compilation).</summary>
    public bool Hit => program is not null;

    /// <summary>How many forms and fns the entry served, and which it did not (for tests and diagnosis).</summary>
    public int Bound => program?.Bound ?? 0;

    public IReadOnlyList<string> NotBound => program?.NotBoundForms ?? [];

    /// <summary><c>$XDG_CACHE_HOME/zylisp</c>, or <c>~/.cache/zylisp</c>; null when neither can be known.</summary>
    public static string? DefaultDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, "zylisp");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "zylisp");
    }

    /// <summary>The cache of a run of <paramref name="file"/> (its text <paramref name="source"/>) on <paramref name="engine"/>.</summary>
    public static CodeCache For(string directory, string source, string file, string engine)
    {
        ArgumentNullException.ThrowIfNull(source);
        var key = PersistedNames.Hash(PersistedNames.CompilerVersion + "\n" + engine + "\n" + file + "\n" + source);
        return new CodeCache(Path.Combine(directory, key.ToLowerInvariant() + ".zlc"), source, file);
    }

    /// <summary>The cached code of a top-level form, or null (then the caller compiles it); the form is recorded for <see cref="Save"/>.</summary>
    internal ArityBody0? TryBind(TopLevel top)
    {
        Record(forms, top);
        return Program()?.TryBind(top);
    }

    /// <summary>The cached code of a fn expression, or null; the fn is recorded for <see cref="Save"/>.</summary>
    internal CompiledTemplate? TryBind(FnNode fn)
    {
        Record(functions, fn);
        return Program()?.TryBindFunction(fn);
    }

    /// <summary>Whether this run compiled more than an entry holds (see <see cref="MaxRecorded"/>).</summary>
    public bool Overflowed => overflowed;

    private void Record<T>(List<T> list, T item)
    {
        if (overflowed)
        {
            return;
        }

        if (forms.Count + functions.Count >= MaxRecorded)
        {
            overflowed = true;
            forms.Clear();
            forms.TrimExcess();
            functions.Clear();
            functions.TrimExcess();
            return;
        }

        list.Add(item);
    }

    /// <summary>
    /// Writes the entry when this run compiled something and found no valid entry. Written to a
    /// temporary file and renamed, so a reader never sees half an entry; a failure to write (a
    /// read-only cache, a full disk) only means no entry.
    /// </summary>
    public bool Save()
    {
        if (Hit || overflowed || (forms.Count == 0 && functions.Count == 0))
        {
            return false;
        }

        var temporary = EntryPath + "." + Environment.ProcessId + ".tmp";
        try
        {
            var name = "zylisp-cache-" + Path.GetFileNameWithoutExtension(EntryPath);
            var image = ProgramWriter.Write(name, forms, functions, source, file, entryHost: null).Assembly;
            Directory.CreateDirectory(Path.GetDirectoryName(EntryPath)!);
            File.WriteAllBytes(temporary, Frame(image));

            File.Move(temporary, EntryPath, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            TryDelete(temporary);
            return false;
        }
    }

    /// <summary>An entry's bytes: the magic, the checksum of the image, the image.</summary>
    internal static byte[] Frame(ReadOnlySpan<byte> image) => [.. Magic, .. XxHash128.Hash(image), .. image];

    private PersistedProgram? Program()
    {
        if (!loaded)
        {
            loaded = true;
            program = Load();
        }

        return program;
    }

    /// <summary>The entry's program when it is whole (its checksum holds), current (this compiler) and of this very source; else null.</summary>
    private PersistedProgram? Load()
    {
        byte[] bytes;
        try
        {
            if (!File.Exists(EntryPath))
            {
                return null;
            }

            bytes = File.ReadAllBytes(EntryPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        const int header = HeaderLength;
        if (bytes.Length <= header || !bytes.AsSpan(0, 4).SequenceEqual(Magic)
            || !XxHash128.Hash(bytes.AsSpan(header)).AsSpan().SequenceEqual(bytes.AsSpan(4, 16)))
        {
            return null;
        }

        try
        {
            var context = new AssemblyLoadContext("zylisp-cache " + Path.GetFileName(EntryPath));
            var assembly = context.LoadFromStream(new MemoryStream(bytes, header, bytes.Length - header));
            var loadedProgram = PersistedProgram.Load(assembly);
            return loadedProgram.IsCurrent && loadedProgram.Source == source && loadedProgram.File == file ? loadedProgram : null;
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or TypeLoadException or MissingMethodException or FormatException or IndexOutOfRangeException or InvalidOperationException or System.Reflection.TargetInvocationException)
        {
            // Whole but not a program of ours (written by something else): ignored, and replaced on save.
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind; the next save of this entry overwrites nothing of it.
        }
    }
}

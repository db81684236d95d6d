using System.IO.Hashing;
using System.Text;
using Zylisp.Compiler.Clr.Emit;
using Zylisp.Compiler.Clr.Runtime;
using Zylisp.Lang.Analysis;

namespace Zylisp.Compiler.Clr.Persist;

/// <summary>The names and keys a persisted assembly and its loader agree on.</summary>
internal static class PersistedNames
{
    public const string CodeType = "ZylispProgram";
    public const string SourceMethod = "ZylispSource";
    public const string FileMethod = "ZylispFile";
    public const string ManifestMethod = "ZylispManifest";
    public const string VersionMethod = "ZylispCompilerVersion";
    public const string MainMethod = "Main";

    /// <summary>The k-th method emitted for form group g.</summary>
    public static string Method(int group, int index) => "g" + group + "_" + index;

    /// <summary>A top-level form's key: the hash of what its IL depends on (<see cref="FunctionFingerprint"/>).</summary>
    public static string KeyOf(TopLevel top) => Hash(FunctionFingerprint.Of(top));

    /// <summary>A fn expression's key (the on-disk cache persists the fns the tiered engine compiled).</summary>
    public static string KeyOf(FnNode fn) => "fn-" + Hash(FunctionFingerprint.Of(fn));

    /// <summary>
    /// A content key: XxHash128 of the text's UTF-8, in hex. Not cryptographic, and it need not be:
    /// keys and checksums tell stale or corrupt code from current code; whoever can write the cache
    /// folder can write code there anyway. SHA-256 cost every cached run ~6 ms of CPU at its first
    /// use (loading and initializing OpenSSL).
    /// </summary>
    public static string Hash(string text) => Convert.ToHexString(XxHash128.Hash(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// What the emitted IL assumes of a constant pool: how many entries and of which types (it casts
    /// each entry it loads). The loader compares it with the pool it rebuilt before running anything.
    /// </summary>
    public static void AppendPoolShape(StringBuilder shape, object[] pool)
    {
        shape.Append('[');
        foreach (var item in pool)
        {
            shape.Append(item.GetType().FullName);
            switch (item)
            {
                case CallSiteTable table:
                    shape.Append(' ').Append(table.Sites.Length);
                    break;
                case object[] nested:
                    shape.Append(' ').Append(nested.Length);
                    break;
            }

            shape.Append(',');
        }

        shape.Append(']');
    }

    /// <summary>
    /// The version of the compiler and runtime that persisted code depends on: their assemblies'
    /// module ids, which change with every build of them.
    /// </summary>
    public static string CompilerVersion { get; } =
        typeof(PersistedNames).Module.ModuleVersionId.ToString("N") + "-" + typeof(TopLevel).Module.ModuleVersionId.ToString("N");
}

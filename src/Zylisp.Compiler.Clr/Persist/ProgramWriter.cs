using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using Zylisp.Lang.Analysis;

namespace Zylisp.Compiler.Clr.Persist;

/// <summary>
/// Writes a program's compiled code as a .NET assembly (PersistedAssemblyBuilder): one group of
/// static methods per distinct top-level form (the very IL the <c>il</c> engine emits), the
/// program's source text, a manifest that maps each form's content key to its group, and a
/// portable PDB embedded in the image whose sequence points name the .zl file and line. With an
/// entry host it also gets a <c>Main</c> that hands the code type and the arguments to it
/// (<c>zylisp build --target dotnet</c>); without one it is a library (the on-disk cache).
/// See docs/design/il-backend.md, "Persisted code".
/// </summary>
public sealed record PersistedImage(byte[] Assembly, byte[] Pdb);

/// <summary>Writes persisted programs; see <see cref="Write"/>.</summary>
public static class ProgramWriter
{
    /// <summary>The assembly's bytes and its portable PDB (also embedded in the image). <paramref name="entryHost"/> is <c>static int Main(Type code, string[] args)</c> of the host, or null.</summary>
    public static PersistedImage Write(string assemblyName, IEnumerable<TopLevel> forms, string source, string file, MethodInfo? entryHost) =>
        Write(assemblyName, forms, [], source, file, entryHost);

    /// <summary>The same, with fn expressions too (the code the tiered engine compiled, for the on-disk cache).</summary>
    public static PersistedImage Write(string assemblyName, IEnumerable<TopLevel> forms, IEnumerable<FnNode> functions, string source, string file, MethodInfo? entryHost)
    {
        ArgumentNullException.ThrowIfNull(forms);
        // As a Release build of C# says: the JIT makes its own IL-offset map (call sites included),
        // without it a stack frame of this code reports IL offset 0 and so no source line.
        var debuggable = new CustomAttributeBuilder(
            typeof(System.Diagnostics.DebuggableAttribute).GetConstructor([typeof(System.Diagnostics.DebuggableAttribute.DebuggingModes)])!,
            [System.Diagnostics.DebuggableAttribute.DebuggingModes.IgnoreSymbolStoreSequencePoints]);
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(assemblyName), typeof(object).Assembly, [debuggable]);
        var module = assembly.DefineDynamicModule(assemblyName);
        var type = module.DefineType(PersistedNames.CodeType, TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class);
        var sink = new PersistingSink(module, type);
        var compiler = new IlCompiler(sink);
        var manifest = new StringBuilder();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        int group = 0;
        foreach (var top in forms)
        {
            // Equal keys mean equal IL: one group serves every copy of a form.
            if (!keys.Add(PersistedNames.KeyOf(top)))
            {
                continue;
            }

            sink.BeginGroup(group);
            compiler.CompileTopLevelInto(top);
            AddGroup(manifest, PersistedNames.KeyOf(top), group++, sink);
        }

        foreach (var fn in functions)
        {
            if (!keys.Add(PersistedNames.KeyOf(fn)))
            {
                continue;
            }

            sink.BeginGroup(group);
            compiler.CompileFunction(fn);
            AddGroup(manifest, PersistedNames.KeyOf(fn), group++, sink);
        }

        DefineString(type, PersistedNames.SourceMethod, source);
        DefineString(type, PersistedNames.FileMethod, file);
        DefineString(type, PersistedNames.ManifestMethod, manifest.ToString());
        DefineString(type, PersistedNames.VersionMethod, PersistedNames.CompilerVersion);
        MethodBuilder? main = null;
        if (entryHost is not null)
        {
            main = type.DefineMethod(PersistedNames.MainMethod, MethodAttributes.Public | MethodAttributes.Static, typeof(int), [typeof(string[])]);
            var il = main.GetILGenerator();
            il.Emit(OpCodes.Ldtoken, type);
            il.Emit(OpCodes.Call, typeof(Type).GetMethod(nameof(Type.GetTypeFromHandle))!);
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, entryHost);
            il.Emit(OpCodes.Ret);
        }

        type.CreateType();
        return Serialize(assembly, main);
    }

    private static void AddGroup(StringBuilder manifest, string key, int group, PersistingSink sink) =>
        manifest.Append(key).Append(' ').Append(group).Append(' ').Append(sink.Count)
            .Append(' ').Append(PersistedNames.Hash(sink.PoolShape.ToString())).Append('\n');

    private static void DefineString(TypeBuilder type, string name, string value)
    {
        var method = type.DefineMethod(name, MethodAttributes.Public | MethodAttributes.Static, typeof(string), Type.EmptyTypes);
        var il = method.GetILGenerator();
        il.Emit(OpCodes.Ldstr, value);
        il.Emit(OpCodes.Ret);
    }

    private static PersistedImage Serialize(PersistedAssemblyBuilder assembly, MethodBuilder? main)
    {
        var metadata = assembly.GenerateMetadata(out var ilStream, out var fieldData, out var pdbMetadata);
        var entryPoint = main is null ? default : MetadataTokens.MethodDefinitionHandle(main.MetadataToken);
        var pdb = new PortablePdbBuilder(pdbMetadata, metadata.GetRowCounts(), entryPoint);
        var pdbBlob = new BlobBuilder();
        var pdbId = pdb.Serialize(pdbBlob);
        var debug = new DebugDirectoryBuilder();
        // As `DebugType=embedded` does: a CodeView entry naming the PDB, and the PDB itself in the image.
        debug.AddCodeViewEntry(assembly.GetName().Name + ".pdb", pdbId, pdb.FormatVersion);
        debug.AddEmbeddedPortablePdbEntry(pdbBlob, pdb.FormatVersion);
        var pe = new ManagedPEBuilder(
            header: new PEHeaderBuilder(machine: Machine.I386, imageCharacteristics: main is null ? Characteristics.Dll | Characteristics.ExecutableImage : Characteristics.ExecutableImage),
            metadataRootBuilder: new MetadataRootBuilder(metadata),
            ilStream: ilStream,
            mappedFieldData: fieldData,
            debugDirectoryBuilder: debug,
            entryPoint: entryPoint);
        var image = new BlobBuilder();
        pe.Serialize(image);
        return new PersistedImage(image.ToArray(), pdbBlob.ToArray());
    }
}

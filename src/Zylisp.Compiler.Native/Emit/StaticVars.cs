using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using Zylisp.Lang.Data;
using Zylisp.Lang.Runtime;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The var objects of a program ((var x), #'x): one static object per global in writable data,
/// made at start-up, naming the global's cell, its metadata and its source text. The metadata is
/// the interpreter's (meta #'x): the def's map, :name, :ns, :file, :line and :column (a value the
/// start-up code cannot build, such as a function in user metadata, is left out).
/// </summary>
internal sealed class StaticVars(CodeContext ctx)
{
    private readonly Dictionary<string, int> offsets = new(StringComparer.Ordinal);
    private readonly List<VarInit> inits = [];
    private int emitted;

    /// <summary>The writable offset of the var object of <paramref name="var"/>.</summary>
    public int Offset(Var var)
    {
        var name = NativeLibrary.GlobalName(var.Name);
        if (!offsets.TryGetValue(name, out var offset))
        {
            offset = ctx.Data.ReserveWritable(ObjectLayout.VarWords);
            offsets[name] = offset;
            var meta = Metadata(var, name);
            inits.Add(new VarInit(offset, var.Name, ctx.ConstantCell(meta, var.DefinedAt), ctx.GlobalCell(var), var.SourceCode));
        }

        return offset;
    }

    /// <summary>Start-up: fills the var objects asked for since the last call; false when there were none.</summary>
    public bool EmitPending(Assembler asm)
    {
        var progress = false;
        for (; emitted < inits.Count; emitted++, progress = true)
        {
            var (offset, name, metaCell, globalCell, source) = inits[emitted];
            asm.mov(__qword_ptr[r15 + offset], (int)ObjectType.Var);
            asm.lea(rax, __[r14 + (ctx.Data.String(name) + ValueTags.PointerTag)]);
            asm.mov(__qword_ptr[r15 + (offset + ObjectLayout.VarName)], rax);
            asm.mov(__qword_ptr[r15 + (offset + ObjectLayout.VarMetaCell)], (int)ValueTags.Fixnum(metaCell));
            asm.mov(__qword_ptr[r15 + (offset + ObjectLayout.VarCell)], (int)ValueTags.Fixnum(globalCell));
            if (source is null)
            {
                asm.mov(rax, ValueTags.Nil);
            }
            else
            {
                asm.lea(rax, __[r14 + (ctx.Data.String(source) + ValueTags.PointerTag)]);
            }

            asm.mov(__qword_ptr[r15 + (offset + ObjectLayout.VarSource)], rax);
        }

        return progress;
    }

    private PersistentMap Metadata(Var var, string name)
    {
        var full = Lang.Runtime.Metadata.OfDefinition(var, ctx.DefinitionMeta.TryGetValue(name, out var defined) ? defined : PersistentMap.Empty);
        var meta = PersistentMap.Empty;
        foreach (var (key, value) in full.Entries)
        {
            if (Representable(key) && Representable(value))
            {
                meta = meta.Assoc(key, value);
            }
        }

        return meta;
    }

    /// <summary>Whether the start-up code can build this constant (ProgramCompiler.ConstantInto).</summary>
    private static bool Representable(object? value) => value switch
    {
        null or bool or string or Keyword or Symbol or long or double => true,
        PersistentVector v => v.All(Representable),
        PersistentList l => l.All(Representable),
        PersistentSet s => s.All(Representable),
        PersistentMap m => m.Entries.All(e => Representable(e.Key) && Representable(e.Value)),
        _ => false,
    };
}

/// <summary>A var object to fill in at start-up (a record, not a value tuple, so its list has ReadyToRun code).</summary>
internal sealed record VarInit(int Offset, string Name, int MetaCell, int GlobalCell, string? Source);

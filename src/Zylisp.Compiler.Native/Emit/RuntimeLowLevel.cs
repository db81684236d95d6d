using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The low-level primitives the Zylisp-written part of the runtime (Library/*.zl) is built on:
/// a value's type, byte access to strings and keywords, and making a string from bytes.
/// docs/design/native-library.md lists them; nothing outside the library should call them.
/// </summary>
internal sealed partial class RuntimeLibrary
{
    /// <summary>What %type-tag answers for values that are not objects (objects answer their <see cref="ObjectType"/>).</summary>
    public const int IntegerTag = 16;
    public const int NilTag = 17;
    public const int BooleanTag = 18;

    private void RegisterLowLevelPrimitives()
    {
        foreach (var name in new[] { "%type-tag", "%byte-at", "%byte-count", "%bytes->string", "%command-line-args", "%make-error", "%error-data", "%error-site", "%make-typed-error", "%char-count" })
        {
            Primitive(name, name);
        }

        // The library raises the interpreter's wrong-type error through the runtime's own routine.
        Primitive("%type-error", "type-error");
    }

    private void EmitLowLevel()
    {
        // (%type-tag x) → the ObjectType of an object, or IntegerTag / NilTag / BooleanTag.
        Define("%type-tag");
        Fixed("%type-tag", 1);
        var notFixnum = asm.CreateLabel();
        var notObject = asm.CreateLabel();
        asm.test(dil, 1);
        asm.jnz(notFixnum);
        asm.mov(eax, IntegerTag * 2);
        asm.ret();
        asm.Bind(ref notFixnum);
        asm.mov(eax, edi);
        asm.and(eax, 7);
        asm.cmp(eax, ValueTags.PointerTag);
        asm.jne(notObject);
        asm.movzx(eax, __byte_ptr[rdi - ValueTags.PointerTag]);
        asm.add(eax, eax);
        asm.ret();
        asm.Bind(ref notObject);
        asm.mov(eax, BooleanTag * 2);
        asm.mov(ecx, NilTag * 2);
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.cmove(eax, ecx);
        asm.ret();

        // (%byte-count s) → the number of bytes of a string or keyword's name.
        Define("%byte-count");
        Fixed("%byte-count", 1);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.add(rax, rax);
        asm.ret();

        // (%char-count s) → the code-point count of a string (Emit/RuntimeUtf8.cs caches it in the header).
        Define("%char-count");
        Fixed("%char-count", 1);
        asm.sub(rsp, 8);
        asm.call(Label("string-count"));
        asm.add(rsp, 8);
        asm.add(rax, rax);
        asm.ret();

        // (%byte-at s i) → byte i of a string or keyword's name (the library checks the bounds).
        Define("%byte-at");
        Fixed("%byte-at", 2);
        asm.sar(rsi, 1);
        asm.movzx(eax, __byte_ptr[rdi + rsi + (ObjectLayout.StringBytes - ValueTags.PointerTag)]);
        asm.add(eax, eax);
        asm.ret();

        // (%bytes->string items) → a string of the byte values of a vector or list of integers.
        Define("%bytes->string");
        Fixed("%bytes->string", 1);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.mov(rbx, rdi);
        var empty = asm.CreateLabel();
        var built = asm.CreateLabel();
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.je(empty);
        // Vectors and lists both keep their count in the second word.
        asm.mov(r12, __qword_ptr[rdi + (8 - ValueTags.PointerTag)]);
        asm.sar(r12, 1);
        asm.lea(rdi, __[r12 + ObjectLayout.StringBytes]);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.String);
        asm.mov(__qword_ptr[rax + ObjectLayout.StringLength], r12);
        asm.mov(r13, rax);
        asm.xor(ecx, ecx);
        var vectorFill = asm.CreateLabel();
        var listFill = asm.CreateLabel();
        var filled = asm.CreateLabel();
        asm.cmp(__byte_ptr[rbx - ValueTags.PointerTag], (int)ObjectType.Vector);
        asm.jne(listFill);
        asm.Bind(ref vectorFill);
        asm.cmp(rcx, r12);
        asm.jae(filled);
        asm.mov(rax, __qword_ptr[rbx + (rcx * 8) + (ObjectLayout.VectorItems - ValueTags.PointerTag)]);
        asm.sar(rax, 1);
        asm.mov(__byte_ptr[r13 + rcx + ObjectLayout.StringBytes], al);
        asm.inc(rcx);
        asm.jmp(vectorFill);
        asm.Bind(ref listFill);
        asm.cmp(rcx, r12);
        asm.jae(filled);
        asm.mov(rax, __qword_ptr[rbx + (ObjectLayout.ListFirst - ValueTags.PointerTag)]);
        asm.sar(rax, 1);
        asm.mov(__byte_ptr[r13 + rcx + ObjectLayout.StringBytes], al);
        asm.mov(rbx, __qword_ptr[rbx + (ObjectLayout.ListRest - ValueTags.PointerTag)]);
        asm.inc(rcx);
        asm.jmp(listFill);
        asm.Bind(ref filled);
        asm.lea(rax, __[r13 + ValueTags.PointerTag]);
        asm.jmp(built);
        asm.Bind(ref empty);
        asm.lea(rax, Str(""));
        asm.Bind(ref built);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.ret();

        // (%make-error message data) → an ex-info error value (thrown by throw, like any value).
        Define("%make-error");
        Fixed("%make-error", 2);
        asm.push(rdi);
        asm.push(rsi);
        asm.mov(edi, 48);
        asm.call(Label("alloc"));
        asm.pop(rsi);
        asm.pop(rdi);
        asm.mov(__qword_ptr[rax], (int)ObjectType.Error);
        asm.mov(rcx, __qword_ptr[r15 + RuntimeCells.CurrentSite]);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorSite], rcx);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorMessage], rdi);
        asm.lea(rcx, Str("ZL5007"));
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorId], rcx);
        asm.lea(rcx, __[r14 + (data.Keyword("ex-info") + ValueTags.PointerTag)]);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorType], rcx);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorData], rsi);
        asm.inc(rax);
        asm.ret();

        // (%make-typed-error type id message) → an error value of the given type keyword and
        // diagnostic id (read-string's :read-error, say), without data.
        Define("%make-typed-error");
        Fixed("%make-typed-error", 3);
        asm.push(rdi);
        asm.push(rsi);
        asm.push(rdx);
        asm.mov(edi, 48);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.Error);
        asm.mov(rcx, __qword_ptr[r15 + RuntimeCells.CurrentSite]);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorSite], rcx);
        asm.pop(rcx);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorMessage], rcx);
        asm.pop(rcx);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorId], rcx);
        asm.pop(rcx);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorType], rcx);
        asm.mov(rcx, ValueTags.Nil);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorData], rcx);
        asm.inc(rax);
        asm.ret();

        // (%error-data e) → the data of an error value (nil for a runtime error).
        Define("%error-data");
        Fixed("%error-data", 1);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.ErrorData - ValueTags.PointerTag)]);
        asm.ret();

        // (%error-site e) → where an error was raised, the read-only string "file:line:col", or nil.
        Define("%error-site");
        Fixed("%error-site", 1);
        var noSite = asm.CreateLabel();
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.ErrorSite - ValueTags.PointerTag)]);
        asm.test(rax, rax);
        asm.jz(noSite);
        // A register add, not an r14 memory operand: the site is no constant reference to move (DataPruner).
        asm.add(rax, r14);
        asm.inc(rax);
        asm.ret();
        asm.Bind(ref noSite);
        asm.mov(rax, ValueTags.Nil);
        asm.ret();

        // (%command-line-args) → the program's arguments as a list of strings, or nil.
        Define("%command-line-args");
        Fixed("%command-line-args", 0);
        asm.mov(rax, __qword_ptr[r15 + RuntimeCells.CommandLineArgs]);
        asm.ret();
    }
}

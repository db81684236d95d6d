using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    /// <summary>
    /// ex-info and ex-data: a user error is an error object with no catalogue id, the type :ex-info
    /// and a data map; catch by type (the prelude's %catches?) reads the data's :type. ex-data of a
    /// runtime error is {:type t}: the native runtime does not keep the location (:file :line
    /// :column) the interpreter adds.
    /// </summary>
    private void EmitExInfo()
    {
        // (ex-info message data) → an error value (not thrown).
        Define("ex-info");
        Fixed("ex-info", 2);
        var notMap = asm.CreateLabel();
        JumpUnlessType(rsi, ObjectType.Map, notMap);
        asm.push(rsi);
        // The interpreter keeps a string message as it is and renders anything else with str.
        var haveMessage = asm.CreateLabel();
        var convert = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.String, convert);
        asm.jmp(haveMessage);
        asm.Bind(ref convert);
        asm.mov(eax, 1);
        asm.call(Label("str"));
        asm.mov(rdi, rax);
        asm.Bind(ref haveMessage);
        asm.push(rdi);
        asm.sub(rsp, 8);
        asm.mov(edi, 40);
        asm.call(Label("alloc"));
        asm.add(rsp, 8);
        asm.pop(rdi);
        asm.pop(rsi);
        asm.mov(__qword_ptr[rax], (int)ObjectType.Error);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorMessage], rdi);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorId], (int)ValueTags.Nil);
        asm.lea(rcx, __[r14 + (data.Keyword("ex-info") + ValueTags.PointerTag)]);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorType], rcx);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorData], rsi);
        asm.inc(rax);
        asm.ret();
        asm.Bind(ref notMap);
        asm.mov(rdx, rsi);
        asm.lea(rdi, Str("ex-info"));
        asm.lea(rsi, Str("a map"));
        asm.jmp(Label("type-error"));

        // (ex-data e) → an ex-info's map, {:type t} for a runtime error, nil for anything else.
        Define("ex-data");
        Fixed("ex-data", 1);
        var notError = asm.CreateLabel();
        var runtimeError = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Error, notError);
        asm.cmp(__qword_ptr[rdi + (ObjectLayout.ErrorId - ValueTags.PointerTag)], (int)ValueTags.Nil);
        asm.jne(runtimeError);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.ErrorData - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref runtimeError);
        asm.mov(rdx, __qword_ptr[rdi + (ObjectLayout.ErrorType - ValueTags.PointerTag)]);
        asm.lea(rsi, __[r14 + (data.Keyword("type") + ValueTags.PointerTag)]);
        asm.lea(rdi, __[r14 + (data.EmptyMap() + ValueTags.PointerTag)]);
        asm.jmp(Label("assoc1"));
        asm.Bind(ref notError);
        asm.mov(eax, (int)ValueTags.Nil);
        asm.ret();
    }
}

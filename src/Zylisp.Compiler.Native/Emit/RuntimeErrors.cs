using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    /// <summary>
    /// Errors are error objects ([type][message][id]) thrown like any value. throw unwinds to the
    /// innermost handler record; with none, it prints the interpreter's "site: error: message [id]"
    /// line on stderr and exits 1.
    /// </summary>
    private void EmitErrors()
    {
        // exit(edi = status): back to the entry's caller (the ELF start stub or the in-process host).
        Define("exit");
        asm.call(Label("gc-release"));
        asm.mov(eax, edi);
        asm.mov(rsp, __qword_ptr[r15 + RuntimeCells.EntryStack]);
        asm.pop(r15);
        asm.pop(r14);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.pop(rbp);
        asm.ret();

        var uncaught = asm.CreateLabel();
        Define("throw");
        asm.mov(rcx, __qword_ptr[r15 + RuntimeCells.HandlerTop]);
        asm.test(rcx, rcx);
        asm.jz(uncaught);
        asm.mov(rsp, rcx);
        asm.pop(rcx);
        asm.mov(__qword_ptr[r15 + RuntimeCells.HandlerTop], rcx);
        asm.pop(rbp);
        asm.pop(rcx);
        asm.add(rsp, 8);
        asm.mov(rax, rdi);
        asm.jmp(rcx);

        asm.Bind(ref uncaught);
        var isError = asm.CreateLabel();
        var report = asm.CreateLabel();
        var print = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Error, report);
        asm.jmp(isError);
        asm.Bind(ref report);
        // A thrown non-error value: "uncaught exception: <value>".
        asm.mov(rsi, rdi);
        asm.mov(edi, 2);
        asm.call(Label("pr-str1"));
        asm.mov(rsi, rax);
        asm.lea(rdi, Str("uncaught exception: "));
        asm.mov(eax, 2);
        asm.call(Label("str"));
        asm.mov(rbx, rax);
        asm.lea(r12, Str("ZL5007"));
        asm.jmp(print);
        asm.Bind(ref isError);
        asm.mov(rbx, __qword_ptr[rdi + (ObjectLayout.ErrorMessage - ValueTags.PointerTag)]);
        asm.mov(r12, __qword_ptr[rdi + (ObjectLayout.ErrorId - ValueTags.PointerTag)]);
        // An uncaught ex-info: "uncaught exception: MESSAGE DATA", as the interpreter reports it,
        // which leaves out empty data.
        var noData = asm.CreateLabel();
        var described = asm.CreateLabel();
        asm.lea(rax, __[r14 + (data.Keyword("ex-info") + ValueTags.PointerTag)]);
        asm.cmp(rax, __qword_ptr[rdi + (ObjectLayout.ErrorType - ValueTags.PointerTag)]);
        asm.jne(print);
        asm.mov(r13, __qword_ptr[rdi + (ObjectLayout.ErrorData - ValueTags.PointerTag)]);
        asm.mov(rdi, r13);
        asm.mov(eax, 1);
        asm.call(Label("count"));
        asm.test(rax, rax);
        asm.jz(noData);
        asm.mov(rsi, r13);
        asm.mov(edi, 2);
        asm.call(Label("pr-str1"));
        CallStr(Text("uncaught exception: "), From(rbx), Text(" "), From(rax));
        asm.jmp(described);
        asm.Bind(ref noData);
        CallStr(Text("uncaught exception: "), From(rbx));
        asm.Bind(ref described);
        asm.mov(rbx, rax);
        asm.Bind(ref print);
        var noSite = asm.CreateLabel();
        var written = asm.CreateLabel();
        asm.mov(rdi, __qword_ptr[r15 + RuntimeCells.CurrentSite]);
        asm.test(rdi, rdi);
        asm.jz(noSite);
        asm.lea(rdi, __[r14 + rdi + ValueTags.PointerTag]);
        // The site's excerpt string follows its location string (DataSection.Site).
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.StringLength - ValueTags.PointerTag)]);
        asm.add(rax, 7);
        asm.and(rax, -8);
        asm.lea(r13, __[rdi + rax + ObjectLayout.StringBytes]);
        CallStr(From(rdi), Text(": error: "), From(rbx), Text(" ["), From(r12));
        CallStr(From(rax), Text("]\n"), From(r13));
        asm.jmp(written);
        asm.Bind(ref noSite);
        CallStr(Text("error: "), From(rbx), Text(" ["), From(r12), Text("]\n"));
        asm.Bind(ref written);
        asm.mov(rsi, rax);
        asm.mov(edi, 2);
        asm.call(Label("write"));
        asm.mov(edi, 1);
        asm.jmp(Label("exit"));

        // error(rdi = message string, rsi = id string, rdx = type keyword): makes the error object and throws it.
        Define("error");
        asm.push(rdi);
        asm.push(rsi);
        asm.push(rdx);
        asm.push(rdx);
        asm.mov(edi, 48);
        asm.call(Label("alloc"));
        asm.pop(rdx);
        asm.pop(rdx);
        asm.pop(rsi);
        asm.pop(rdi);
        asm.mov(__qword_ptr[rax], (int)ObjectType.Error);
        asm.mov(rcx, __qword_ptr[r15 + RuntimeCells.CurrentSite]);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorSite], rcx);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorMessage], rdi);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorId], rsi);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorType], rdx);
        asm.mov(__qword_ptr[rax + ObjectLayout.ErrorData], (int)ValueTags.Nil);
        asm.lea(rdi, __[rax + ValueTags.PointerTag]);
        asm.jmp(Label("throw"));

        // arity-error(rdi = closure, esi = count)
        Define("arity-error");
        asm.mov(rdi, __qword_ptr[rdi + (ObjectLayout.ClosureName - ValueTags.PointerTag)]);
        Define("arity-error-named");
        asm.mov(esi, esi);
        asm.add(rsi, rsi);
        asm.mov(rcx, rdi);
        asm.lea(rdi, Str("wrong number of arguments ("));
        asm.lea(rdx, Str(") passed to `"));
        asm.lea(r8, Str("`"));
        asm.mov(eax, 5);
        asm.call(Label("str"));
        ThrowMessage("ZL5002");

        // undefined-global(rdi = name string)
        Define("undefined-global");
        CallStr(Text("undefined symbol `"), From(rdi), Text("`"));
        ThrowMessage("ZL5001");

        // not-callable(rdi = value)
        Define("not-callable");
        asm.call(Label("describe"));
        CallStr(From(rax), Text(" is not a function"));
        ThrowMessage("ZL5006");

        // stack-overflow(rdi = function name)
        Define("stack-overflow");
        CallStr(Text("stack overflow in `"), From(rdi), Text("`: calls nested deeper than the native stack allows"));
        ThrowMessage("ZL5005");

        // type-error(rdi = function name, rsi = what was expected, rdx = the value)
        Define("type-error");
        asm.push(rdi);
        asm.push(rsi);
        asm.mov(rdi, rdx);
        asm.call(Label("describe"));
        asm.pop(rcx);
        asm.pop(rsi);
        asm.mov(r9, rax);
        asm.lea(rdi, Str("`"));
        asm.lea(rdx, Str("` expects "));
        asm.lea(r8, Str(", got "));
        asm.mov(eax, 6);
        asm.call(Label("str"));
        ThrowMessage("ZL5003");

        // index-error(rdi = function name, rsi = index, rdx = count)
        Define("index-error");
        asm.mov(r9, rdx);
        asm.mov(rcx, rsi);
        asm.mov(rsi, rdi);
        asm.lea(rdi, Str("`"));
        asm.lea(rdx, Str("`: index "));
        asm.lea(r8, Str(" is out of range for a collection of "));
        // The seventh piece goes on the stack (padded to keep rsp aligned).
        asm.sub(rsp, 8);
        asm.lea(rax, Str(" elements"));
        asm.push(rax);
        asm.mov(eax, 7);
        asm.call(Label("str"));
        asm.add(rsp, 16);
        ThrowMessage("ZL5009");

        // annotation-error(rdi = function, rsi = what was checked, rdx = type name, rcx = value): deffunc's check failed.
        Define("annotation-error");
        asm.sub(rsp, 8);
        asm.push(rdi);
        asm.push(rsi);
        asm.push(rdx);
        asm.mov(rdi, rcx);
        asm.call(Label("describe"));
        asm.pop(r9);
        asm.pop(rcx);
        asm.pop(rsi);
        asm.push(rax);
        asm.lea(rdi, Str("`"));
        asm.lea(rdx, Str("`: "));
        asm.lea(r8, Str(" must be "));
        asm.mov(eax, 6);
        asm.call(Label("str"));
        asm.pop(rcx);
        asm.sub(rsp, 8);
        CallStr(From(rax), Text(", got "), From(rcx));
        ThrowMessage("ZL5008");

        Define("divide-by-zero");
        asm.lea(rax, Str("integer division by zero"));
        ThrowMessage("ZL5004");

        // describe(rdi = value) → string: "nil", or the type name, a space and the printed value.
        Define("describe");
        var notNil = asm.CreateLabel();
        asm.cmp(rdi, (int)ValueTags.Nil);
        asm.jne(notNil);
        asm.lea(rax, Str("nil"));
        asm.ret();
        asm.Bind(ref notNil);
        asm.push(rbx);
        asm.push(rdi);
        asm.call(Label("type-name"));
        asm.mov(rbx, rax);
        asm.pop(rsi);
        asm.mov(edi, 2);
        asm.call(Label("pr-str1"));
        CallStr(From(rbx), Text(" "), From(rax));
        asm.pop(rbx);
        asm.ret();

        EmitTypeName();
    }

    /// <summary>The interpreter's :type of each runtime error (RuntimeErrors.cs).</summary>
    private static readonly Dictionary<string, string> ErrorTypes = new(StringComparer.Ordinal)
    {
        ["ZL5001"] = "undefined-symbol",
        ["ZL5002"] = "arity-error",
        ["ZL5003"] = "type-error",
        ["ZL5004"] = "arithmetic-error",
        ["ZL5005"] = "stack-overflow",
        ["ZL5006"] = "not-callable",
        ["ZL5008"] = "type-error",
        ["ZL5009"] = "index-out-of-bounds",
        ["ZL5012"] = "argument-error",
        ["ZL5011"] = "io-error",
    };

    /// <summary>Throws an error whose message string is in rax.</summary>
    private void ThrowMessage(string id)
    {
        asm.mov(rdi, rax);
        asm.lea(rsi, Str(id));
        asm.lea(rdx, __[r14 + (data.Keyword(ErrorTypes[id]) + ValueTags.PointerTag)]);
        asm.jmp(Label("error"));
    }

    /// <summary>type-name(rdi = value) → the interpreter's type name string, as <c>(type x)</c>.</summary>
    private void EmitTypeName()
    {
        Define("type-name");
        var notFixnum = asm.CreateLabel();
        asm.test(dil, 1);
        asm.jnz(notFixnum);
        asm.lea(rax, Str("integer"));
        asm.ret();
        asm.Bind(ref notFixnum);
        foreach (var (value, name) in new[] { (ValueTags.Nil, "nil"), (ValueTags.True, "bool"), (ValueTags.False, "bool") })
        {
            var next = asm.CreateLabel();
            asm.cmp(rdi, (int)value);
            asm.jne(next);
            asm.lea(rax, Str(name));
            asm.ret();
            asm.Bind(ref next);
        }

        // A reduced value is an atom with a header flag (Emit/RuntimeSequences.cs).
        var notReduced = asm.CreateLabel();
        JumpUnlessReduced(rdi, notReduced);
        asm.lea(rax, Str("reduced"));
        asm.ret();
        asm.Bind(ref notReduced);

        // Every other value is an object: one test of the tag, then its type byte against each type.
        var unknown = asm.CreateLabel();
        LoadObjectType(rdi, unknown);
        foreach (var (type, name) in new[]
        {
            (ObjectType.String, "string"), (ObjectType.Keyword, "keyword"), (ObjectType.Closure, "fn"),
            (ObjectType.Vector, "vector"), (ObjectType.List, "list"), (ObjectType.Error, "error"), (ObjectType.Atom, "atom"), (ObjectType.Map, "map"), (ObjectType.Set, "set"),
            (ObjectType.Float, "float"), (ObjectType.BoxedInteger, "integer"), (ObjectType.Symbol, "symbol"),
            (ObjectType.Regex, "regex"), (ObjectType.LazySeq, "lazy-seq"), (ObjectType.Cons, "seq"), (ObjectType.Var, "var"),
        })
        {
            var next = asm.CreateLabel();
            asm.cmp(r11d, (int)type);
            asm.jne(next);
            asm.lea(rax, Str(name));
            asm.ret();
            asm.Bind(ref next);
        }

        // A record's type name is its type keyword's, which has a string's layout: user.R.
        asm.cmp(r11d, (int)ObjectType.Record);
        asm.jne(unknown);
        asm.mov(rdi, __qword_ptr[rdi + (ObjectLayout.RecordType - ValueTags.PointerTag)]);
        asm.mov(esi, (int)ObjectType.String);
        asm.jmp(Label("retype"));
        asm.Bind(ref unknown);
        asm.lea(rax, Str("unknown"));
        asm.ret();
    }
}

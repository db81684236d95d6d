using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    private void EmitArithmetic()
    {
        EmitNumbers();

        // (+ ...) and (* ...) fold from their identity; (- x ...) and (/ x ...) from the first argument.
        EmitFold("+", NumericOp.Add, identity: 0, minArgs: 0);
        EmitFold("*", NumericOp.Multiply, identity: 1, minArgs: 0);
        EmitFold("-", NumericOp.Subtract, identity: 0, minArgs: 1);
        EmitFold("/", NumericOp.Divide, identity: 1, minArgs: 1);
        EmitComparison("<", NumericOp.Less, swap: false);
        EmitComparison(">", NumericOp.Less, swap: true);
        EmitComparison("<=", NumericOp.LessOrEqual, swap: false);
        EmitComparison(">=", NumericOp.LessOrEqual, swap: true);
        EmitComparison("==", NumericOp.NumEquals, swap: false);
        foreach (var (name, op) in new[] { ("quot", NumericOp.Quotient), ("rem", NumericOp.Remainder), ("mod", NumericOp.Modulus) })
        {
            Define(name);
            Fixed(name, 2);
            asm.mov(edx, (int)op);
            asm.lea(rcx, Str(name));
            asm.jmp(Label("num-binary"));
        }

        // (= a b ...): every neighbouring pair equal.
        Define("=");
        VariadicPrologue();
        CheckArity("=", 1, -1);
        asm.mov(ebx, 1);
        var loop = asm.CreateLabel();
        var yes = asm.CreateLabel();
        var no = asm.CreateLabel();
        asm.Bind(ref loop);
        asm.cmp(ebx, r12d);
        asm.jae(yes);
        LoadArgument(rsi, rbx);
        asm.lea(rax, __[rbx - 1]);
        LoadArgument(rdi, rax);
        asm.call(Label("equals"));
        asm.test(eax, eax);
        asm.jz(no);
        asm.inc(ebx);
        asm.jmp(loop);
        asm.Bind(ref yes);
        asm.mov(rax, ValueTags.True);
        VariadicEpilogue();
        asm.Bind(ref no);
        asm.mov(rax, ValueTags.False);
        VariadicEpilogue();

        // (not x) with Clojure truthiness, (%slisp-not x) with SLisp's.
        Define("not");
        asm.cmp(eax, 1);
        var notArity = asm.CreateLabel();
        asm.jne(notArity);
        asm.mov(rax, rdi);
        asm.or(rax, 8);
        asm.cmp(rax, (int)ValueTags.Nil);
        asm.mov(eax, (int)ValueTags.False);
        asm.mov(ecx, (int)ValueTags.True);
        asm.cmove(eax, ecx);
        asm.ret();
        asm.Bind(ref notArity);
        asm.mov(esi, eax);
        asm.lea(rdi, Str("not"));
        asm.jmp(Label("arity-error-named"));

        Define("%slisp-not");
        var slispNotArity = asm.CreateLabel();
        asm.cmp(eax, 1);
        asm.jne(slispNotArity);
        asm.sub(rsp, 8);
        asm.call(Label("slisp-truthy"));
        asm.add(rsp, 8);
        asm.test(eax, eax);
        asm.mov(eax, (int)ValueTags.False);
        asm.mov(ecx, (int)ValueTags.True);
        asm.cmove(eax, ecx);
        asm.ret();
        asm.Bind(ref slispNotArity);
        asm.mov(esi, eax);
        asm.lea(rdi, Str("not"));
        asm.jmp(Label("arity-error-named"));

        EmitStep("inc", NumericOp.Add);
        EmitStep("dec", NumericOp.Subtract);
    }

    /// <summary>Checks that rax holds an integer, else the type error for <paramref name="name"/>.</summary>
    private void RequireFixnum(string name)
    {
        var ok = asm.CreateLabel();
        asm.test(al, 1);
        asm.jz(ok);
        TypeError(rax, name, "a number");
        asm.Bind(ref ok);
    }

    private void EmitFold(string name, NumericOp op, long identity, int minArgs)
    {
        Define(name);
        VariadicPrologue();
        CheckArity(name, minArgs, -1);
        var several = asm.CreateLabel();
        var loop = asm.CreateLabel();
        var done = asm.CreateLabel();
        asm.cmp(r12d, 1);
        asm.ja(several);
        asm.mov(r13, ValueTags.Fixnum(identity));
        asm.jb(done);

        // One argument: (+ x) and (* x) are x itself (a number), (- x) negates, (/ x) is 1/x.
        LoadArgument(rax, 0);
        switch (op)
        {
            case NumericOp.Subtract:
                asm.mov(rdi, rax);
                asm.call(Label("negate"));
                break;
            case NumericOp.Divide:
                asm.mov(rsi, rax);
                asm.mov(edi, (int)ValueTags.Fixnum(1));
                CallNumBinary(op, name);
                break;
            default:
                RequireNumber(name);
                break;
        }

        asm.mov(r13, rax);
        asm.jmp(done);

        asm.Bind(ref several);
        LoadArgument(r13, 0);
        asm.mov(ebx, 1);
        asm.Bind(ref loop);
        asm.cmp(ebx, r12d);
        asm.jae(done);
        LoadArgument(rsi, rbx);
        asm.mov(rdi, r13);
        CallNumBinary(op, name);
        asm.mov(r13, rax);
        asm.inc(ebx);
        asm.jmp(loop);
        asm.Bind(ref done);
        asm.mov(rax, r13);
        VariadicEpilogue();
    }

    /// <summary>A chain comparison: true when every neighbouring pair holds (b op a when <paramref name="swap"/>); one argument is true.</summary>
    private void EmitComparison(string name, NumericOp op, bool swap)
    {
        Define(name);
        VariadicPrologue();
        CheckArity(name, 1, -1);
        asm.mov(ebx, 1);
        var loop = asm.CreateLabel();
        var yes = asm.CreateLabel();
        var no = asm.CreateLabel();
        asm.Bind(ref loop);
        asm.cmp(ebx, r12d);
        asm.jae(yes);
        LoadArgument(swap ? rdi : rsi, rbx);
        asm.lea(rax, __[rbx - 1]);
        LoadArgument(swap ? rsi : rdi, rax);
        CallNumBinary(op, name);
        asm.cmp(rax, (int)ValueTags.True);
        asm.jne(no);
        asm.inc(ebx);
        asm.jmp(loop);
        asm.Bind(ref yes);
        asm.mov(rax, ValueTags.True);
        VariadicEpilogue();
        asm.Bind(ref no);
        asm.mov(rax, ValueTags.False);
        VariadicEpilogue();
    }

    /// <summary>inc and dec: a fixnum fast path, then the general rule (floats, overflow to a boxed integer).</summary>
    private void EmitStep(string name, NumericOp op)
    {
        Define(name);
        var arity = asm.CreateLabel();
        var slow = asm.CreateLabel();
        asm.cmp(eax, 1);
        asm.jne(arity);
        asm.mov(rax, rdi);
        asm.test(al, 1);
        asm.jnz(slow);
        if (op == NumericOp.Add)
        {
            asm.add(rax, 2);
        }
        else
        {
            asm.sub(rax, 2);
        }

        asm.jo(slow);
        asm.ret();
        asm.Bind(ref slow);
        asm.mov(esi, (int)ValueTags.Fixnum(1));
        asm.mov(edx, (int)op);
        asm.lea(rcx, Str(name));
        asm.jmp(Label("num-binary"));
        asm.Bind(ref arity);
        asm.mov(esi, eax);
        asm.lea(rdi, Str(name));
        asm.jmp(Label("arity-error-named"));
    }


    /// <summary>Host primitives this backend implements, with inline fast paths for the hot ones.</summary>
    private void RegisterPrimitives()
    {
        foreach (var name in new[] { "+", "-", "*" })
        {
            Primitive(name, name, site => InlineBinaryArithmetic(site, name));
        }

        Primitive("/", "/");
        Primitive("cons", "cons-primitive");
        RegisterLowLevelPrimitives();
        RegisterLazyPrimitives();
        RegisterRecordPrimitives();
        RegisterVarPrimitives();
        RegisterSortedPrimitives();
        RegisterSetPrimitives();
        RegisterFilePrimitives();
        RegisterClockPrimitives();
        RegisterCapturePrimitives();
        RegisterRegexPrimitives();

        // The library (Library/*.zl) gives nth its default around this two-argument routine.
        Primitive("%nth2", "nth");
        foreach (var (name, condition) in new[] { ("<", ConditionCode.l), (">", ConditionCode.g), ("<=", ConditionCode.le), (">=", ConditionCode.ge) })
        {
            Primitive(name, name, site => InlineComparison(site, name, condition));
        }

        foreach (var name in new[]
        {
            "=", "not", "%slisp-not", "inc", "dec", "str", "count", "get",
            "println", "print", "prn", "pr", "pr-str", "vector", "list", "first", "rest", "conj", "vec",
            "fn?", "nil?", "string?", "ex-message", "empty?",
            "quot", "rem", "mod", "==", "atom", "reduced", "reduced?", "deref", "reset!", "swap!", "seq",
            "reduce", "second", "list?", "vector?", "keyword?", "number?",
            "integer?", "float?", "abs", "max", "min", "long", "int", "round", "symbol?", "symbol",
            "hash-map", "assoc", "dissoc", "keys", "vals", "contains?", "map?", "next", "apply", "last",
        }.Concat(PrimitiveGroups.FloatSources).Concat(PrimitiveGroups.MathFunctions))
        {
            Primitive(name, name);
        }
    }

    /// <summary>(+ a b), (- a b), (* a b) on two integers without a call; anything else takes the routine.</summary>
    private static bool InlineBinaryArithmetic(FunctionCompiler.InlineSite site, string name)
    {
        if (site.Call.Args.Length != 2)
        {
            return false;
        }

        var asm = site.Asm;
        var slow = asm.CreateLabel();
        var done = asm.CreateLabel();
        site.Load(site.Call.Args[0], rdi);
        site.Load(site.Call.Args[1], rsi);
        asm.mov(eax, edi);
        asm.or(eax, esi);
        asm.test(al, 1);
        asm.jnz(slow);
        asm.mov(rax, rdi);
        switch (name)
        {
            case "+":
                asm.add(rax, rsi);
                break;
            case "-":
                asm.sub(rax, rsi);
                break;
            default:
                asm.sar(rax, 1);
                asm.imul(rax, rsi);
                break;
        }

        // Beyond 63 bits the routine boxes the exact 64-bit result (rdi and rsi are still the operands).
        asm.jno(done);
        asm.Bind(ref slow);
        site.SetSite();
        asm.mov(eax, 2);
        asm.call(site.Context.Runtime.Label(name));
        asm.Bind(ref done);
        return true;
    }

    private static bool InlineComparison(FunctionCompiler.InlineSite site, string name, ConditionCode condition)
    {
        if (site.Call.Args.Length != 2)
        {
            return false;
        }

        var asm = site.Asm;
        var slow = asm.CreateLabel();
        var done = asm.CreateLabel();
        site.Load(site.Call.Args[0], rdi);
        site.Load(site.Call.Args[1], rsi);
        asm.mov(eax, edi);
        asm.or(eax, esi);
        asm.test(al, 1);
        asm.jnz(slow);
        asm.mov(eax, (int)ValueTags.False);
        asm.mov(ecx, (int)ValueTags.True);
        asm.cmp(rdi, rsi);
        switch (condition)
        {
            case ConditionCode.l:
                asm.cmovl(eax, ecx);
                break;
            case ConditionCode.g:
                asm.cmovg(eax, ecx);
                break;
            case ConditionCode.le:
                asm.cmovle(eax, ecx);
                break;
            default:
                asm.cmovge(eax, ecx);
                break;
        }

        asm.jmp(done);
        asm.Bind(ref slow);
        site.SetSite();
        asm.mov(eax, 2);
        asm.call(site.Context.Runtime.Label(name));
        asm.Bind(ref done);
        return true;
    }
}

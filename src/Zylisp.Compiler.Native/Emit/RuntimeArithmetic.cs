using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

internal sealed partial class RuntimeLibrary
{
    private void EmitArithmetic()
    {
        // (+ ...) and (* ...) fold from their identity; (- x ...) and (/ x ...) from the first argument.
        EmitFold("+", identity: 0, minArgs: 0, op: () => asm.add(r13, rax));
        EmitFold("*", identity: 1, minArgs: 0, op: () =>
        {
            asm.sar(rax, 1);
            asm.imul(r13, rax);
        });
        EmitFold("-", identity: 0, minArgs: 1, op: () => asm.sub(r13, rax), unary: () => asm.neg(r13));
        EmitFold("/", identity: 1, minArgs: 1, op: () =>
        {
            var nonZero = asm.CreateLabel();
            asm.test(rax, rax);
            asm.jnz(nonZero);
            asm.jmp(Label("divide-by-zero"));
            asm.Bind(ref nonZero);
            // Both operands are shifted by one, so the quotient comes out unshifted.
            asm.mov(rcx, rax);
            asm.mov(rax, r13);
            asm.cqo();
            asm.idiv(rcx);
            asm.lea(r13, __[rax + rax]);
        });

        foreach (var (name, jumpIfFalse) in new (string, Action<Label>)[]
        {
            ("<", l => asm.jge(l)), (">", l => asm.jle(l)), ("<=", l => asm.jg(l)), (">=", l => asm.jl(l)),
        })
        {
            EmitComparison(name, jumpIfFalse);
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

        EmitStep("inc", () => asm.add(rax, 2));
        EmitStep("dec", () => asm.sub(rax, 2));
    }

    /// <summary>Checks that rax holds an integer, else the type error for <paramref name="name"/>.</summary>
    private void RequireFixnum(string name)
    {
        var ok = asm.CreateLabel();
        asm.test(al, 1);
        asm.jz(ok);
        asm.lea(rdi, Str(name));
        asm.lea(rsi, Str("a number"));
        asm.mov(rdx, rax);
        asm.jmp(Label("type-error"));
        asm.Bind(ref ok);
    }

    private void EmitFold(string name, long identity, int minArgs, Action op, Action? unary = null)
    {
        Define(name);
        VariadicPrologue();
        CheckArity(name, minArgs, -1);
        var loop = asm.CreateLabel();
        var done = asm.CreateLabel();
        if (minArgs == 0)
        {
            asm.mov(r13, ValueTags.Fixnum(identity));
            asm.xor(ebx, ebx);
        }
        else
        {
            LoadArgument(rax, 0);
            RequireFixnum(name);
            var several = asm.CreateLabel();
            asm.cmp(r12d, 1);
            asm.jne(several);
            // One argument: (- x) negates, (/ x) would be a fraction, which needs floats.
            if (unary is not null)
            {
                asm.mov(r13, rax);
                unary();
                asm.jmp(done);
            }
            else
            {
                asm.mov(r13, ValueTags.Fixnum(identity));
                asm.mov(ebx, 0);
                asm.jmp(loop);
            }

            asm.Bind(ref several);
            asm.mov(r13, rax);
            asm.mov(ebx, 1);
        }

        asm.Bind(ref loop);
        asm.cmp(ebx, r12d);
        asm.jae(done);
        LoadArgument(rax, rbx);
        RequireFixnum(name);
        op();
        asm.inc(ebx);
        asm.jmp(loop);
        asm.Bind(ref done);
        asm.mov(rax, r13);
        VariadicEpilogue();
    }

    private void EmitComparison(string name, Action<Label> jumpIfFalse)
    {
        Define(name);
        VariadicPrologue();
        CheckArity(name, 1, -1);
        LoadArgument(rax, 0);
        RequireFixnum(name);
        asm.mov(r13, rax);
        asm.mov(ebx, 1);
        var loop = asm.CreateLabel();
        var yes = asm.CreateLabel();
        var no = asm.CreateLabel();
        asm.Bind(ref loop);
        asm.cmp(ebx, r12d);
        asm.jae(yes);
        LoadArgument(rax, rbx);
        RequireFixnum(name);
        asm.cmp(r13, rax);
        jumpIfFalse(no);
        asm.mov(r13, rax);
        asm.inc(ebx);
        asm.jmp(loop);
        asm.Bind(ref yes);
        asm.mov(rax, ValueTags.True);
        VariadicEpilogue();
        asm.Bind(ref no);
        asm.mov(rax, ValueTags.False);
        VariadicEpilogue();
    }

    private void EmitStep(string name, Action step)
    {
        Define(name);
        var arity = asm.CreateLabel();
        asm.cmp(eax, 1);
        asm.jne(arity);
        asm.mov(rax, rdi);
        RequireFixnum(name);
        step();
        asm.ret();
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

        // The library (Library/*.zl) gives nth its default around this two-argument routine.
        Primitive("%nth2", "nth");
        foreach (var (name, condition) in new[] { ("<", ConditionCode.l), (">", ConditionCode.g), ("<=", ConditionCode.le), (">=", ConditionCode.ge) })
        {
            Primitive(name, name, site => InlineComparison(site, name, condition));
        }

        foreach (var name in new[]
        {
            "=", "not", "%slisp-not", "inc", "dec", "str", "count", "get", "subs",
            "println", "print", "prn", "pr", "pr-str", "vector", "list", "first", "rest", "conj", "vec",
            "fn?", "nil?", "string?", "ex-message", "empty?",
            "quot", "rem", "mod", "==", "atom", "deref", "reset!", "swap!", "seq",
            "reduce", "second", "list?", "vector?", "keyword?", "number?",
            "hash-map", "assoc", "dissoc", "keys", "vals", "contains?", "map?", "next", "includes?", "apply", "last",
        })
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

        asm.jmp(done);
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

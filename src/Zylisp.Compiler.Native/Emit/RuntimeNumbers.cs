using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>The operations of <c>num-binary</c>, passed in edx.</summary>
internal enum NumericOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Quotient,
    Remainder,
    Modulus,
    Less,
    LessOrEqual,
    NumEquals,
}

/// <summary>
/// The interpreter's numeric rules (Zylisp.Lang Runtime/Numbers.cs) in native code: integers are
/// int64 and wrap (a fixnum when the value fits 63 bits, else a boxed integer, so each integer has
/// one representation); an integer mixed with a float gives a float; integer division truncates and
/// by zero is the arithmetic error; floats follow IEEE 754 (so NaN compares false everywhere).
/// </summary>
internal sealed partial class RuntimeLibrary
{
    private void EmitNumbers()
    {
        EmitToDouble();
        EmitBoxing();
        EmitNumBinary();

        // negate(rdi = number): -x, wrapping for integers; a float flips its sign bit, so -0.0 stays distinct.
        Define("negate");
        var notFloat = asm.CreateLabel();
        JumpUnlessType(rdi, ObjectType.Float, notFloat);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.FloatBits - ValueTags.PointerTag)]);
        asm.btc(rax, 63);
        asm.movq(xmm0, rax);
        asm.jmp(Label("box-double"));
        asm.Bind(ref notFloat);
        asm.mov(rsi, rdi);
        asm.xor(edi, edi);
        asm.mov(edx, (int)NumericOp.Subtract);
        asm.lea(rcx, Str("-"));
        asm.jmp(Label("num-binary"));
    }

    /// <summary>to-double(rdi = value, rsi = function name) → xmm0, or that function's type error.</summary>
    private void EmitToDouble()
    {
        Define("to-double");
        var notFixnum = asm.CreateLabel();
        var notFloat = asm.CreateLabel();
        var bad = asm.CreateLabel();
        asm.test(dil, 1);
        asm.jnz(notFixnum);
        asm.mov(rax, rdi);
        asm.sar(rax, 1);
        asm.cvtsi2sd(xmm0, rax);
        asm.ret();
        asm.Bind(ref notFixnum);
        JumpUnlessType(rdi, ObjectType.Float, notFloat);
        asm.movsd(xmm0, __qword_ptr[rdi + (ObjectLayout.FloatBits - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref notFloat);
        JumpUnlessType(rdi, ObjectType.BoxedInteger, bad);
        asm.cvtsi2sd(xmm0, __qword_ptr[rdi + (ObjectLayout.BoxedIntegerValue - ValueTags.PointerTag)]);
        asm.ret();
        asm.Bind(ref bad);
        asm.mov(rdx, rdi);
        asm.mov(rdi, rsi);
        asm.lea(rsi, Str("a number"));
        asm.jmp(Label("type-error"));
    }

    /// <summary>box-double(xmm0) → a float object; box-int(rax = int64) → a fixnum, or a boxed integer when it does not fit.</summary>
    private void EmitBoxing()
    {
        Define("box-double");
        asm.sub(rsp, 24);
        asm.movsd(__qword_ptr[rsp], xmm0);
        asm.mov(edi, 16);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.Float);
        asm.mov(rcx, __qword_ptr[rsp]);
        asm.mov(__qword_ptr[rax + ObjectLayout.FloatBits], rcx);
        asm.inc(rax);
        asm.add(rsp, 24);
        asm.ret();

        Define("box-int");
        var big = asm.CreateLabel();
        asm.mov(rcx, rax);
        asm.add(rcx, rcx);
        asm.jo(big);
        asm.mov(rax, rcx);
        asm.ret();
        asm.Bind(ref big);
        asm.push(rax);
        asm.mov(edi, 16);
        asm.call(Label("alloc"));
        asm.mov(__qword_ptr[rax], (int)ObjectType.BoxedInteger);
        asm.pop(rcx);
        asm.mov(__qword_ptr[rax + ObjectLayout.BoxedIntegerValue], rcx);
        asm.inc(rax);
        asm.ret();
    }

    /// <summary>Loads the int64 of an integer (fixnum or boxed) from <paramref name="source"/>, or jumps to <paramref name="notInteger"/> (uses r11).</summary>
    private void IntegerValue(AssemblerRegister64 source, AssemblerRegister64 target, Label notInteger)
    {
        var boxed = asm.CreateLabel();
        var done = asm.CreateLabel();
        asm.test(source, 1);
        asm.jnz(boxed);
        asm.mov(target, source);
        asm.sar(target, 1);
        asm.jmp(done);
        asm.Bind(ref boxed);
        JumpUnlessType(source, ObjectType.BoxedInteger, notInteger);
        asm.mov(target, __qword_ptr[source + (ObjectLayout.BoxedIntegerValue - ValueTags.PointerTag)]);
        asm.Bind(ref done);
    }

    /// <summary>
    /// num-binary(rdi = a, rsi = b, edx = <see cref="NumericOp"/>, rcx = function name for errors) → rax.
    /// Two integers compute in int64 (wrapping); otherwise both become doubles, a non-number being
    /// the named function's type error (a checked first, as the interpreter does).
    /// </summary>
    private void EmitNumBinary()
    {
        const int Name = -32;
        const int Left = -48;
        const int Right = -56;
        Define("num-binary");
        asm.push(rbp);
        asm.mov(rbp, rsp);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.sub(rsp, 40);
        asm.mov(r12, rdi);
        asm.mov(r13, rsi);
        asm.mov(ebx, edx);
        asm.mov(__qword_ptr[rbp + Name], rcx);
        var floats = asm.CreateLabel();
        var boxInt = asm.CreateLabel();
        var boxDouble = asm.CreateLabel();
        var boolean = asm.CreateLabel();
        var exit = asm.CreateLabel();
        var divideByZero = asm.CreateLabel();
        IntegerValue(r12, rax, floats);
        IntegerValue(r13, rcx, floats);

        void Case(NumericOp op, Action body)
        {
            var next = asm.CreateLabel();
            asm.cmp(ebx, (int)op);
            asm.jne(next);
            body();
            asm.Bind(ref next);
        }

        void CheckDivisor()
        {
            asm.test(rcx, rcx);
            asm.jz(divideByZero);
        }

        Case(NumericOp.Add, () => { asm.add(rax, rcx); asm.jmp(boxInt); });
        Case(NumericOp.Subtract, () => { asm.sub(rax, rcx); asm.jmp(boxInt); });
        Case(NumericOp.Multiply, () => { asm.imul(rax, rcx); asm.jmp(boxInt); });
        foreach (var op in new[] { NumericOp.Divide, NumericOp.Quotient })
        {
            Case(op, () =>
            {
                // long.MinValue / -1 traps in hardware; the interpreter wraps it to long.MinValue.
                var ordinary = asm.CreateLabel();
                CheckDivisor();
                asm.cmp(rcx, -1);
                asm.jne(ordinary);
                asm.neg(rax);
                asm.jmp(boxInt);
                asm.Bind(ref ordinary);
                asm.cqo();
                asm.idiv(rcx);
                asm.jmp(boxInt);
            });
        }

        foreach (var op in new[] { NumericOp.Remainder, NumericOp.Modulus })
        {
            Case(op, () =>
            {
                var ordinary = asm.CreateLabel();
                CheckDivisor();
                asm.cmp(rcx, -1);
                asm.jne(ordinary);
                asm.xor(eax, eax);
                asm.jmp(boxInt);
                asm.Bind(ref ordinary);
                asm.cqo();
                asm.idiv(rcx);
                asm.mov(rax, rdx);
                if (op == NumericOp.Modulus)
                {
                    // mod takes the divisor's sign: a non-zero remainder of the other sign moves by the divisor.
                    asm.test(rax, rax);
                    asm.jz(boxInt);
                    asm.xor(rdx, rcx);
                    asm.jns(boxInt);
                    asm.add(rax, rcx);
                }

                asm.jmp(boxInt);
            });
        }

        Case(NumericOp.Less, () => { asm.cmp(rax, rcx); asm.setl(al); asm.jmp(boolean); });
        Case(NumericOp.LessOrEqual, () => { asm.cmp(rax, rcx); asm.setle(al); asm.jmp(boolean); });
        asm.cmp(rax, rcx);
        asm.sete(al);
        asm.jmp(boolean);

        asm.Bind(ref floats);
        asm.mov(rdi, r12);
        asm.mov(rsi, __qword_ptr[rbp + Name]);
        asm.call(Label("to-double"));
        asm.movsd(__qword_ptr[rbp + Left], xmm0);
        asm.mov(rdi, r13);
        asm.mov(rsi, __qword_ptr[rbp + Name]);
        asm.call(Label("to-double"));
        asm.movapd(xmm1, xmm0);
        asm.movsd(xmm0, __qword_ptr[rbp + Left]);
        Case(NumericOp.Add, () => { asm.addsd(xmm0, xmm1); asm.jmp(boxDouble); });
        Case(NumericOp.Subtract, () => { asm.subsd(xmm0, xmm1); asm.jmp(boxDouble); });
        Case(NumericOp.Multiply, () => { asm.mulsd(xmm0, xmm1); asm.jmp(boxDouble); });
        Case(NumericOp.Divide, () => { asm.divsd(xmm0, xmm1); asm.jmp(boxDouble); });
        Case(NumericOp.Quotient, () =>
        {
            asm.divsd(xmm0, xmm1);
            asm.roundsd(xmm0, xmm0, 3);
            asm.jmp(boxDouble);
        });
        foreach (var op in new[] { NumericOp.Remainder, NumericOp.Modulus })
        {
            Case(op, () =>
            {
                // C#'s % on doubles is fmod: x87's fprem, repeated until complete, computes it exactly.
                var again = asm.CreateLabel();
                asm.movsd(__qword_ptr[rbp + Right], xmm1);
                asm.fld(__qword_ptr[rbp + Right]);
                asm.fld(__qword_ptr[rbp + Left]);
                asm.Bind(ref again);
                asm.fprem();
                asm.fnstsw(ax);
                asm.test(ah, 4);
                asm.jnz(again);
                asm.fstp(__qword_ptr[rbp + Left]);
                asm.fstp(st0);
                asm.movsd(xmm0, __qword_ptr[rbp + Left]);
                if (op == NumericOp.Modulus)
                {
                    // A non-zero, non-NaN remainder whose sign differs from the divisor's moves by the divisor.
                    asm.xorpd(xmm2, xmm2);
                    asm.ucomisd(xmm0, xmm2);
                    asm.jp(boxDouble);
                    asm.je(boxDouble);
                    asm.movq(rax, xmm0);
                    asm.movq(rdx, xmm1);
                    asm.xor(rax, rdx);
                    asm.jns(boxDouble);
                    asm.addsd(xmm0, xmm1);
                }

                asm.jmp(boxDouble);
            });
        }

        // Comparisons: ucomisd sets CF and ZF for unordered (NaN), so "above" tests are false for NaN.
        Case(NumericOp.Less, () => { asm.ucomisd(xmm1, xmm0); asm.seta(al); asm.jmp(boolean); });
        Case(NumericOp.LessOrEqual, () => { asm.ucomisd(xmm1, xmm0); asm.setae(al); asm.jmp(boolean); });
        asm.ucomisd(xmm0, xmm1);
        asm.sete(al);
        asm.setnp(cl);
        asm.and(al, cl);
        asm.jmp(boolean);

        asm.Bind(ref boxInt);
        asm.call(Label("box-int"));
        asm.jmp(exit);
        asm.Bind(ref boxDouble);
        asm.call(Label("box-double"));
        asm.jmp(exit);
        asm.Bind(ref boolean);
        asm.test(al, al);
        asm.mov(eax, (int)ValueTags.False);
        asm.mov(ecx, (int)ValueTags.True);
        asm.cmovne(eax, ecx);
        asm.Bind(ref exit);
        asm.lea(rsp, __[rbp - 24]);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.leave();
        asm.ret();
        asm.Bind(ref divideByZero);
        asm.jmp(Label("divide-by-zero"));
    }

    /// <summary>Calls num-binary on rdi and rsi with the operation and the name for errors.</summary>
    private void CallNumBinary(NumericOp op, string name)
    {
        asm.mov(edx, (int)op);
        asm.lea(rcx, Str(name));
        asm.call(Label("num-binary"));
    }

    /// <summary>Type error unless rax holds a number; keeps rax (uses the stack, so rsp must be 16-aligned).</summary>
    private void RequireNumber(string name)
    {
        asm.push(rax);
        asm.push(rax);
        asm.mov(rdi, rax);
        asm.lea(rsi, Str(name));
        asm.call(Label("to-double"));
        asm.pop(rax);
        asm.pop(rax);
    }


    /// <summary>Predicates, conversions, abs/max/min and the math functions computed exactly by SSE (sqrt, floor, ceil, round).</summary>
    private void EmitNumberFunctions()
    {
        void TypePredicate(string name, bool integers, bool floats)
        {
            Define(name);
            Fixed(name, 1);
            var yes = asm.CreateLabel();
            var no = asm.CreateLabel();
            if (integers)
            {
                asm.test(dil, 1);
                asm.jz(yes);
                var notBoxed = asm.CreateLabel();
                JumpUnlessType(rdi, ObjectType.BoxedInteger, notBoxed);
                asm.jmp(yes);
                asm.Bind(ref notBoxed);
            }

            if (floats)
            {
                JumpUnlessType(rdi, ObjectType.Float, no);
                asm.jmp(yes);
            }

            asm.Bind(ref no);
            asm.mov(eax, (int)ValueTags.False);
            asm.ret();
            asm.Bind(ref yes);
            asm.mov(eax, (int)ValueTags.True);
            asm.ret();
        }

        TypePredicate("number?", integers: true, floats: true);
        TypePredicate("integer?", integers: true, floats: false);
        TypePredicate("float?", integers: false, floats: true);

        // (double x): x as a float.
        Define("double");
        Fixed("double", 1);
        asm.sub(rsp, 8);
        asm.lea(rsi, Str("double"));
        asm.call(Label("to-double"));
        asm.add(rsp, 8);
        asm.jmp(Label("box-double"));

        // (long x), (int x): integers as they are, finite floats truncated toward zero.
        foreach (var name in new[] { "long", "int" })
        {
            Define(name);
            Fixed(name, 1);
            var notInteger = asm.CreateLabel();
            var bad = asm.CreateLabel();
            IntegerValue(rdi, rax, notInteger);
            asm.mov(rax, rdi);
            asm.ret();
            asm.Bind(ref notInteger);
            JumpUnlessType(rdi, ObjectType.Float, bad);
            asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.FloatBits - ValueTags.PointerTag)]);
            asm.shr(rax, 52);
            asm.and(eax, 0x7ff);
            asm.cmp(eax, 0x7ff);
            asm.je(bad);
            // Out of range, the instruction gives the least int64; .NET saturates, so a positive value gives the greatest.
            asm.cvttsd2si(rax, __qword_ptr[rdi + (ObjectLayout.FloatBits - ValueTags.PointerTag)]);
            var inRange = asm.CreateLabel();
            asm.mov(rcx, long.MinValue);
            asm.cmp(rax, rcx);
            asm.jne(inRange);
            asm.cmp(__qword_ptr[rdi + (ObjectLayout.FloatBits - ValueTags.PointerTag)], 0);
            asm.jl(inRange);
            asm.mov(rax, long.MaxValue);
            asm.Bind(ref inRange);
            asm.jmp(Label("box-int"));
            asm.Bind(ref bad);
            TypeError(rdi, name, "a finite number");
        }

        // (abs x): integers wrap (abs of the least int64 is itself), floats lose their sign bit.
        Define("abs");
        Fixed("abs", 1);
        var absFloat = asm.CreateLabel();
        var absNegative = asm.CreateLabel();
        var absNotInteger = asm.CreateLabel();
        IntegerValue(rdi, rax, absNotInteger);
        asm.test(rax, rax);
        asm.js(absNegative);
        asm.mov(rax, rdi);
        asm.ret();
        asm.Bind(ref absNegative);
        asm.neg(rax);
        asm.jmp(Label("box-int"));
        asm.Bind(ref absNotInteger);
        JumpUnlessType(rdi, ObjectType.Float, absFloat);
        asm.mov(rax, __qword_ptr[rdi + (ObjectLayout.FloatBits - ValueTags.PointerTag)]);
        asm.btr(rax, 63);
        asm.movq(xmm0, rax);
        asm.jmp(Label("box-double"));
        asm.Bind(ref absFloat);
        TypeError(rdi, "abs", "a number");

        // (max x ...), (min x ...): the interpreter's fold, keeping the earlier value unless the later one wins by <.
        foreach (var (name, laterFirst) in new[] { ("max", false), ("min", true) })
        {
            Define(name);
            VariadicPrologue();
            CheckArity(name, 1, -1);
            var loop = asm.CreateLabel();
            var done = asm.CreateLabel();
            var keep = asm.CreateLabel();
            LoadArgument(r13, 0);
            asm.mov(ebx, 1);
            asm.Bind(ref loop);
            asm.cmp(ebx, r12d);
            asm.jae(done);
            LoadArgument(laterFirst ? rdi : rsi, rbx);
            asm.mov(laterFirst ? rsi : rdi, r13);
            CallNumBinary(NumericOp.Less, name);
            asm.cmp(rax, (int)ValueTags.True);
            asm.jne(keep);
            LoadArgument(r13, rbx);
            asm.Bind(ref keep);
            asm.inc(ebx);
            asm.jmp(loop);
            asm.Bind(ref done);
            asm.mov(rax, r13);
            VariadicEpilogue();
        }

        // sqrt, floor and ceil are exact in SSE (IEEE 754 requires a correctly rounded square root).
        foreach (var (name, emit) in new (string, Action)[]
        {
            ("sqrt", () => asm.sqrtsd(xmm0, xmm0)),
            ("floor", () => asm.roundsd(xmm0, xmm0, 1)),
            ("ceil", () => asm.roundsd(xmm0, xmm0, 2)),
        })
        {
            Define(name);
            Fixed(name, 1);
            asm.sub(rsp, 8);
            asm.lea(rsi, Str(name));
            asm.call(Label("to-double"));
            asm.add(rsp, 8);
            emit();
            asm.jmp(Label("box-double"));
        }

        // (round x): ⌊x + 0.5⌋ as an integer, for finite |x| < 9.2e18 (Java's Math/round).
        Define("round");
        Fixed("round", 1);
        var roundBad = asm.CreateLabel();
        asm.sub(rsp, 8);
        asm.lea(rsi, Str("round"));
        asm.call(Label("to-double"));
        asm.add(rsp, 8);
        asm.movq(rax, xmm0);
        asm.btr(rax, 63);
        asm.movq(xmm1, rax);
        asm.mov(rax, BitConverter.DoubleToInt64Bits(9.2e18));
        asm.movq(xmm2, rax);
        asm.ucomisd(xmm1, xmm2);
        asm.jp(roundBad);
        asm.jae(roundBad);
        asm.mov(rax, BitConverter.DoubleToInt64Bits(0.5));
        asm.movq(xmm1, rax);
        asm.addsd(xmm0, xmm1);
        asm.roundsd(xmm0, xmm0, 1);
        asm.cvttsd2si(rax, xmm0);
        asm.jmp(Label("box-int"));
        asm.Bind(ref roundBad);
        CallStr(Text("`round`: the value does not fit an integer"));
        ThrowMessage("ZL5012");
    }
}

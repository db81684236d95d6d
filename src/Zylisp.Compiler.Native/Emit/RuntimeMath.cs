using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// The transcendental functions of clojure.math (exp, log, log10, pow, the trigonometric ones, hypot),
/// computed with the x87 unit in 80-bit extended precision and rounded once to a double. That is
/// correctly rounded for the inputs programs meet, but not proven so everywhere: .NET calls the C
/// library, and the two may differ in the last bit for rare inputs (and x87's sin/cos/tan reduce
/// arguments beyond about 10^5 less exactly). docs/design/native-backend.md says so.
/// </summary>
internal sealed partial class RuntimeLibrary
{

    private void EmitMath()
    {
        const int X = 0;
        const int Y = 8;
        MathFunction("exp", 1, () =>
        {
            // e^x = 2^(x·log2 e); ±∞ directly, since ∞ - ∞ inside the split would be NaN.
            var finite = asm.CreateLabel();
            var done = asm.CreateLabel();
            asm.fld(__qword_ptr[rsp + X]);
            asm.fxam();
            asm.fnstsw(ax);
            asm.and(ah, 0x45);
            asm.cmp(ah, 0x05);
            asm.jne(finite);
            asm.fstp(st0);
            asm.mov(rax, BitConverter.DoubleToInt64Bits(double.PositiveInfinity));
            var positive = asm.CreateLabel();
            asm.cmp(__qword_ptr[rsp + X], 0);
            asm.jge(positive);
            asm.xor(eax, eax);
            asm.Bind(ref positive);
            asm.mov(__qword_ptr[rsp + X], rax);
            asm.fld(__qword_ptr[rsp + X]);
            asm.jmp(done);
            // e^x = 2^n · e^r with n = round(x·log2 e) and r = x - n·ln 2, where ln 2 is split in
            // two (fdlibm's ln2HI has 32 significant bits, so n·ln2HI is exact): r stays accurate
            // to the last bit, and 2^(r·log2 e) is then nearly exact.
            asm.Bind(ref finite);
            asm.fld(st0);
            asm.fldl2e();
            asm.fmulp(st1, st0);
            asm.frndint();
            asm.mov(rax, BitConverter.DoubleToInt64Bits(6.93147180369123816490e-01));
            asm.mov(__qword_ptr[rsp + Y], rax);
            asm.fld(st0);
            asm.fmul(__qword_ptr[rsp + Y]);
            asm.fsubp(st2, st0);
            asm.mov(rax, BitConverter.DoubleToInt64Bits(1.90821492927058770002e-10));
            asm.mov(__qword_ptr[rsp + Y], rax);
            asm.fld(st0);
            asm.fmul(__qword_ptr[rsp + Y]);
            asm.fsubp(st2, st0);
            // st0 = n, st1 = r.
            asm.fxch(st0, st1);
            asm.fldl2e();
            asm.fmulp(st1, st0);
            asm.f2xm1();
            asm.fld1();
            asm.faddp(st1, st0);
            asm.fscale();
            asm.fstp(st1);
            asm.Bind(ref done);
        });
        MathFunction("log", 1, () =>
        {
            asm.fldln2();
            asm.fld(__qword_ptr[rsp + X]);
            asm.fyl2x();
        });
        MathFunction("log10", 1, () =>
        {
            asm.fldlg2();
            asm.fld(__qword_ptr[rsp + X]);
            asm.fyl2x();
        });
        MathFunction("sin", 1, () =>
        {
            asm.fld(__qword_ptr[rsp + X]);
            ReduceHugeAngle(() => asm.fsin());
        });
        MathFunction("cos", 1, () =>
        {
            asm.fld(__qword_ptr[rsp + X]);
            ReduceHugeAngle(() => asm.fcos());
        });
        MathFunction("tan", 1, () =>
        {
            asm.fld(__qword_ptr[rsp + X]);
            ReduceHugeAngle(() => asm.fptan());
            asm.fstp(st0);
        });
        MathFunction("atan", 1, () =>
        {
            asm.fld(__qword_ptr[rsp + X]);
            asm.fld1();
            asm.fpatan();
        });
        MathFunction("atan2", 2, () =>
        {
            asm.fld(__qword_ptr[rsp + X]);
            asm.fld(__qword_ptr[rsp + Y]);
            asm.fpatan();
        });
        MathFunction("asin", 1, () =>
        {
            // asin x = atan2(x, √(1-x²)); |x| > 1 gives √ of a negative, NaN.
            asm.fld(__qword_ptr[rsp + X]);
            asm.fld(st0);
            asm.fmul(st0, st0);
            asm.fld1();
            asm.fsubrp(st1, st0);
            asm.fsqrt();
            asm.fpatan();
        });
        MathFunction("acos", 1, () =>
        {
            asm.fld(__qword_ptr[rsp + X]);
            asm.fmul(st0, st0);
            asm.fld1();
            asm.fsubrp(st1, st0);
            asm.fsqrt();
            asm.fld(__qword_ptr[rsp + X]);
            asm.fpatan();
        });
        MathFunction("hypot", 2, () =>
        {
            // The extended exponent range holds x² + y² for every double, so nothing overflows in between.
            asm.fld(__qword_ptr[rsp + X]);
            asm.fmul(st0, st0);
            asm.fld(__qword_ptr[rsp + Y]);
            asm.fmul(st0, st0);
            asm.faddp(st1, st0);
            asm.fsqrt();
        });
        MathFunction("pow", 2, EmitPower);
    }

    /// <summary>
    /// pow(x at [rsp], y at [rsp+8]) on the x87 stack: 2^(y·log2|x|) with the sign of x for odd
    /// integral y, and C's special cases for y = 0, x = 0, infinite x and a negative x with a
    /// fractional y (NaN).
    /// </summary>
    private void EmitPower()
    {
        var done = asm.CreateLabel();
        var one = asm.CreateLabel();
        var general = asm.CreateLabel();
        var result = asm.CreateLabel();
        asm.movsd(xmm0, __qword_ptr[rsp]);
        asm.movsd(xmm1, __qword_ptr[rsp + 8]);
        asm.xorpd(xmm2, xmm2);
        asm.ucomisd(xmm1, xmm2);
        asm.jp(general);
        asm.je(one);
        asm.mov(rax, BitConverter.DoubleToInt64Bits(1.0));
        asm.movq(xmm3, rax);
        asm.ucomisd(xmm0, xmm3);
        asm.jp(general);
        asm.je(one);

        // r8 = 1 when the result takes a minus sign (x < 0 and y an odd integer); a negative x
        // with a fractional y is NaN.
        asm.Bind(ref general);
        var signKnown = asm.CreateLabel();
        var nan = asm.CreateLabel();
        asm.xor(r8d, r8d);
        asm.ucomisd(xmm0, xmm2);
        asm.jae(signKnown);
        asm.jp(signKnown);
        asm.roundsd(xmm3, xmm1, 3);
        asm.ucomisd(xmm3, xmm1);
        asm.jne(nan);
        asm.mov(rax, BitConverter.DoubleToInt64Bits(0.5));
        asm.movq(xmm3, rax);
        asm.mulsd(xmm3, xmm1);
        asm.roundsd(xmm4, xmm3, 3);
        asm.ucomisd(xmm4, xmm3);
        asm.setne(r8b);
        asm.Bind(ref signKnown);

        // |x| = 0 or ∞: 0 or ∞ depending on the signs, without logarithms.
        var finiteNonZero = asm.CreateLabel();
        var big = asm.CreateLabel();
        var small = asm.CreateLabel();
        asm.movq(rax, xmm0);
        asm.btr(rax, 63);
        asm.test(rax, rax);
        asm.jnz(finiteNonZero);
        asm.ucomisd(xmm1, xmm2);
        asm.ja(small);
        asm.jmp(big);
        asm.Bind(ref finiteNonZero);
        asm.mov(rcx, BitConverter.DoubleToInt64Bits(double.PositiveInfinity));
        var finiteX = asm.CreateLabel();
        asm.cmp(rax, rcx);
        asm.jne(finiteX);
        asm.ucomisd(xmm1, xmm2);
        asm.ja(big);
        asm.jmp(small);
        asm.Bind(ref big);
        asm.mov(rax, BitConverter.DoubleToInt64Bits(double.PositiveInfinity));
        asm.jmp(result);
        asm.Bind(ref small);
        asm.xor(eax, eax);
        asm.jmp(result);

        asm.Bind(ref finiteX);
        asm.mov(__qword_ptr[rsp], rax);
        asm.fld(__qword_ptr[rsp + 8]);
        asm.fld(__qword_ptr[rsp]);
        asm.fyl2x();
        // y·log2|x| may be ±∞ (huge y): 2^t is then ∞ or 0.
        var finiteT = asm.CreateLabel();
        asm.fxam();
        asm.fnstsw(ax);
        asm.and(ah, 0x45);
        asm.cmp(ah, 0x05);
        asm.jne(finiteT);
        asm.fstp(st0);
        asm.ucomisd(xmm1, xmm2);
        asm.mov(rcx, BitConverter.DoubleToInt64Bits(double.PositiveInfinity));
        asm.mov(rax, __qword_ptr[rsp]);
        asm.xor(edx, edx);
        asm.mov(r9, BitConverter.DoubleToInt64Bits(1.0));
        // |x| > 1 with y > 0, or |x| < 1 with y < 0, overflows; the other two underflow.
        asm.cmp(rax, r9);
        asm.seta(dl);
        asm.ucomisd(xmm1, xmm2);
        asm.seta(r9b);
        asm.xor(dl, r9b);
        asm.mov(eax, 0);
        asm.cmovz(rax, rcx);
        asm.jmp(result);
        asm.Bind(ref finiteT);
        PowerOfTwo();
        asm.fstp(__qword_ptr[rsp]);
        asm.mov(rax, __qword_ptr[rsp]);
        asm.jmp(result);

        asm.Bind(ref nan);
        asm.mov(rax, BitConverter.DoubleToInt64Bits(double.NaN));
        asm.mov(__qword_ptr[rsp], rax);
        asm.fld(__qword_ptr[rsp]);
        asm.jmp(done);

        asm.Bind(ref one);
        asm.fld1();
        asm.jmp(done);

        // rax = |result| bits; the sign from r8.
        asm.Bind(ref result);
        asm.shl(r8, 63);
        asm.or(rax, r8);
        asm.mov(__qword_ptr[rsp], rax);
        asm.fld(__qword_ptr[rsp]);
        asm.Bind(ref done);
    }

    /// <summary>
    /// Runs a trigonometric instruction on st0; x87 leaves |x| ≥ 2^63 unreduced (C2 set), so such an
    /// angle is first brought into range by fprem1 with 2π and the instruction runs again. The
    /// result is then in range but not the C library's to the last bit (x87's π has 66 bits).
    /// </summary>
    private void ReduceHugeAngle(Action instruction)
    {
        var done = asm.CreateLabel();
        var again = asm.CreateLabel();
        instruction();
        asm.fnstsw(ax);
        asm.test(ah, 4);
        asm.jz(done);
        asm.fldpi();
        asm.fadd(st0, st0);
        asm.fxch(st0, st1);
        asm.Bind(ref again);
        asm.fprem1();
        asm.fnstsw(ax);
        asm.test(ah, 4);
        asm.jnz(again);
        asm.fstp(st1);
        instruction();
        asm.Bind(ref done);
    }

    /// <summary>st0 = 2^st0 for finite st0: split into an integer and a fraction of at most ½, f2xm1, fscale.</summary>
    private void PowerOfTwo()
    {
        asm.fld(st0);
        asm.frndint();
        asm.fsub(st1, st0);
        asm.fxch(st0, st1);
        asm.f2xm1();
        asm.fld1();
        asm.faddp(st1, st0);
        asm.fscale();
        asm.fstp(st1);
    }

    /// <summary>
    /// A math primitive: its arguments as doubles at [rsp] and [rsp+8] (a non-number is the type
    /// error naming it), <paramref name="body"/> leaves the result on the x87 stack, boxed as a float.
    /// </summary>
    private void MathFunction(string name, int arity, Action body)
    {
        Define(name);
        Fixed(name, arity);
        asm.sub(rsp, 24);
        asm.mov(__qword_ptr[rsp + 8], rsi);
        asm.lea(rsi, Str(name));
        asm.call(Label("to-double"));
        asm.movsd(__qword_ptr[rsp], xmm0);
        if (arity == 2)
        {
            asm.mov(rdi, __qword_ptr[rsp + 8]);
            asm.lea(rsi, Str(name));
            asm.call(Label("to-double"));
            asm.movsd(__qword_ptr[rsp + 8], xmm0);
        }

        body();
        asm.fstp(__qword_ptr[rsp]);
        asm.movsd(xmm0, __qword_ptr[rsp]);
        asm.add(rsp, 24);
        asm.jmp(Label("box-double"));
    }
}

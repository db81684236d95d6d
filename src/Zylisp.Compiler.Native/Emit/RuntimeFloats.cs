using Iced.Intel;
using Zylisp.Compiler.Native.Values;
using static Iced.Intel.AssemblerRegisters;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>
/// Float printing by the shortest round-trip rule of docs/design/float-printing.md. The digits come
/// from Schubfach (R. Giulietti, "The Schubfach way to render doubles", 2020): one 126-bit power of
/// ten from a table (<see cref="FloatPowers"/>) and three 64×128-bit products give the rounding
/// interval's ends, from which the shortest (then the closest) decimal is picked directly.
/// The layout (positional for -6 ≤ x &lt; 21, else d.ddde±x) is the document's, as the interpreter's.
/// </summary>
internal sealed partial class RuntimeLibrary
{
    /// <summary>True once a program can make a float: only then are the printer and its 10 KB table linked.</summary>
    public bool FloatsUsed { get; set; }

    /// <summary>format-double(rdi = IEEE bits, rsi = destination, at least 32 bytes) → rax = byte count.</summary>
    private void EmitFloatPrinter()
    {
        const int Odd = -32;
        const int Cb = -40;
        const int Cbl = -48;
        const int Cbr = -56;
        const int K = -64;
        const int Vb = -72;
        const int Vbl = -80;
        const int Vbr = -88;
        const int Start = -96;
        const int ScratchEnd = -112;
        var table = data.Table(FloatPowers.Words());

        Define("format-double");
        asm.push(rbp);
        asm.mov(rbp, rsp);
        asm.push(rbx);
        asm.push(r12);
        asm.push(r13);
        asm.sub(rsp, 120);
        asm.mov(__qword_ptr[rbp + Start], rsi);
        asm.mov(rbx, rsi);
        var finish = asm.CreateLabel();

        // NaN and the infinities.
        var finite = asm.CreateLabel();
        var infinite = asm.CreateLabel();
        var negativeInfinity = asm.CreateLabel();
        asm.mov(rax, rdi);
        asm.shr(rax, 52);
        asm.and(eax, 0x7ff);
        asm.cmp(eax, 0x7ff);
        asm.jne(finite);
        asm.mov(rax, rdi);
        asm.shl(rax, 12);
        asm.jz(infinite);
        WriteText("##NaN");
        asm.jmp(finish);
        asm.Bind(ref infinite);
        asm.test(rdi, rdi);
        asm.js(negativeInfinity);
        WriteText("##Inf");
        asm.jmp(finish);
        asm.Bind(ref negativeInfinity);
        WriteText("##-Inf");
        asm.jmp(finish);

        asm.Bind(ref finite);
        var positive = asm.CreateLabel();
        var nonZero = asm.CreateLabel();
        asm.test(rdi, rdi);
        asm.jns(positive);
        WriteText("-");
        asm.btr(rdi, 63);
        asm.Bind(ref positive);
        asm.test(rdi, rdi);
        asm.jnz(nonZero);
        WriteText("0.0");
        asm.jmp(finish);

        // ---- Schubfach: the decimal f × 10^e (f in r8, e in r9) ----
        asm.Bind(ref nonZero);
        var decimalDone = asm.CreateLabel();
        var core = asm.CreateLabel();
        var normal = asm.CreateLabel();
        var notInteger = asm.CreateLabel();
        asm.mov(rax, rdi);
        asm.shr(rax, 52);
        asm.mov(r8, rdi);
        asm.mov(rdx, (1L << 52) - 1);
        asm.and(r8, rdx);
        asm.test(eax, eax);
        asm.jnz(normal);
        asm.mov(r9, -1074);
        asm.jmp(core);
        asm.Bind(ref normal);
        asm.bts(r8, 52);
        // An integer below 2^53 is its own shortest decimal.
        asm.mov(ecx, 1075);
        asm.sub(ecx, eax);
        asm.cmp(ecx, 1);
        asm.jl(notInteger);
        asm.cmp(ecx, 52);
        asm.jg(notInteger);
        asm.mov(rdx, r8);
        asm.shr(rdx, cl);
        asm.mov(r10, rdx);
        asm.shl(r10, cl);
        asm.cmp(r10, r8);
        asm.jne(notInteger);
        asm.mov(r8, rdx);
        asm.xor(r9d, r9d);
        asm.jmp(decimalDone);
        asm.Bind(ref notInteger);
        asm.mov(r9d, eax);
        asm.sub(r9, 1075);

        // v = c·2^q with c in r8, q in r9.
        asm.Bind(ref core);
        var regular = asm.CreateLabel();
        var haveK = asm.CreateLabel();
        asm.mov(rax, r8);
        asm.and(eax, 1);
        asm.mov(__qword_ptr[rbp + Odd], rax);
        asm.lea(rax, __[r8 * 4]);
        asm.mov(__qword_ptr[rbp + Cb], rax);
        asm.lea(rcx, __[rax + 2]);
        asm.mov(__qword_ptr[rbp + Cbr], rcx);
        // The interval is asymmetric only at a power of two above the smallest normal.
        asm.mov(rdx, 1L << 52);
        asm.cmp(r8, rdx);
        asm.jne(regular);
        asm.cmp(r9, -1074);
        asm.je(regular);
        asm.lea(rcx, __[rax - 1]);
        asm.mov(__qword_ptr[rbp + Cbl], rcx);
        asm.mov(rax, 661971961083L);
        asm.imul(rax, r9);
        asm.mov(rdx, 274743187321L);
        asm.sub(rax, rdx);
        asm.sar(rax, 41);
        asm.jmp(haveK);
        asm.Bind(ref regular);
        asm.lea(rcx, __[rax - 2]);
        asm.mov(__qword_ptr[rbp + Cbl], rcx);
        asm.mov(rax, 661971961083L);
        asm.imul(rax, r9);
        asm.sar(rax, 41);
        asm.Bind(ref haveK);
        asm.mov(__qword_ptr[rbp + K], rax);

        // h = q + ⌊log2 10^-k⌋ + 2, in cl.
        asm.mov(rcx, rax);
        asm.neg(rcx);
        asm.mov(rdx, 913124641741L);
        asm.imul(rcx, rdx);
        asm.sar(rcx, 38);
        asm.add(rcx, r9);
        asm.add(rcx, 2);
        asm.lea(rdx, __[rax - FloatPowers.MinK]);
        asm.shl(rdx, 4);
        asm.mov(r12, __qword_ptr[r14 + rdx + table]);
        asm.mov(r13, __qword_ptr[r14 + rdx + (table + 8)]);
        foreach (var (from, to) in new[] { (Cb, Vb), (Cbl, Vbl), (Cbr, Vbr) })
        {
            asm.mov(rdi, __qword_ptr[rbp + from]);
            asm.shl(rdi, cl);
            RoundToOdd();
            asm.mov(__qword_ptr[rbp + to], rax);
        }

        // al = the lower candidate is inside the rounding interval (vbl + odd ≤ 4·low), dl = the
        // upper one is (4·high + odd ≤ vbr); flags from comparing the two. Both tries below ask it.
        void InRoundingInterval(AssemblerRegister64 low, AssemblerRegister64 high)
        {
            asm.mov(rax, __qword_ptr[rbp + Vbl]);
            asm.add(rax, __qword_ptr[rbp + Odd]);
            asm.lea(rdx, __[low * 4]);
            asm.cmp(rax, rdx);
            asm.setle(al);
            asm.lea(rdx, __[high * 4]);
            asm.add(rdx, __qword_ptr[rbp + Odd]);
            asm.cmp(rdx, __qword_ptr[rbp + Vbr]);
            asm.setle(dl);
            asm.cmp(al, dl);
        }

        // s = vb/4; try the shorter s' = 10·⌊s/10⌋ or s' + 10 first, then s or s + 1. (Java tries s'
        // only from s ≥ 100, since it wants two digits; the shortest rule wants 5e-323, not 4.9e-323.)
        var small = asm.CreateLabel();
        var tie = asm.CreateLabel();
        var useS = asm.CreateLabel();
        var useT = asm.CreateLabel();
        asm.mov(r8, __qword_ptr[rbp + Vb]);
        asm.sar(r8, 2);
        asm.cmp(r8, 10);
        asm.jl(small);
        asm.mov(rax, 115292150460684698L << 4);
        asm.imul(r8);
        asm.lea(r10, __[rdx + rdx * 4]);
        asm.add(r10, r10);
        asm.lea(r11, __[r10 + 10]);
        InRoundingInterval(r10, r11);
        asm.je(small);
        asm.test(al, al);
        asm.cmove(r10, r11);
        asm.mov(r8, r10);
        asm.mov(r9, __qword_ptr[rbp + K]);
        asm.jmp(decimalDone);

        asm.Bind(ref small);
        asm.lea(r10, __[r8 + 1]);
        InRoundingInterval(r8, r10);
        asm.je(tie);
        asm.test(al, al);
        asm.jnz(useS);
        asm.jmp(useT);
        asm.Bind(ref tie);
        // Both or neither in the interval: the closer one, the even one on a tie.
        asm.lea(rax, __[r8 + r10]);
        asm.add(rax, rax);
        asm.mov(rdx, __qword_ptr[rbp + Vb]);
        asm.sub(rdx, rax);
        asm.js(useS);
        asm.jnz(useT);
        asm.test(r8b, 1);
        asm.jz(useS);
        asm.Bind(ref useT);
        asm.mov(r8, r10);
        asm.Bind(ref useS);
        asm.mov(r9, __qword_ptr[rbp + K]);

        // ---- layout: strip trailing zeros, write the digits, place the point ----
        asm.Bind(ref decimalDone);
        var strip = asm.CreateLabel();
        var stripped = asm.CreateLabel();
        asm.mov(ecx, 10);
        asm.Bind(ref strip);
        asm.mov(rax, r8);
        asm.xor(edx, edx);
        asm.div(rcx);
        asm.test(rdx, rdx);
        asm.jnz(stripped);
        asm.mov(r8, rax);
        asm.inc(r9);
        asm.jmp(strip);
        asm.Bind(ref stripped);
        // Digits backwards into the scratch area: r10 → first digit, r11 = count n.
        asm.lea(r10, __[rbp + ScratchEnd]);
        asm.mov(rax, r8);
        var digit = asm.CreateLabel();
        asm.Bind(ref digit);
        asm.xor(edx, edx);
        asm.div(rcx);
        asm.add(dl, (byte)'0');
        asm.dec(r10);
        asm.mov(__byte_ptr[r10], dl);
        asm.test(rax, rax);
        asm.jnz(digit);
        asm.lea(r11, __[rbp + ScratchEnd]);
        asm.sub(r11, r10);
        // x = e + n - 1 in r9.
        asm.lea(r9, __[r9 + r11 - 1]);

        var scientific = asm.CreateLabel();
        var fraction = asm.CreateLabel();
        var belowOne = asm.CreateLabel();
        asm.cmp(r9, -6);
        asm.jl(scientific);
        asm.cmp(r9, 21);
        asm.jge(scientific);
        asm.lea(rax, __[r11 - 1]);
        asm.cmp(r9, rax);
        asm.jl(fraction);
        // x ≥ n-1: the digits, x-n+1 zeros, ".0".
        CopyDigits(r11);
        asm.mov(rcx, r9);
        asm.sub(rcx, r11);
        asm.inc(rcx);
        WriteZeros();
        WriteText(".0");
        asm.jmp(finish);
        asm.Bind(ref fraction);
        asm.test(r9, r9);
        asm.js(belowOne);
        // 0 ≤ x < n-1: x+1 digits, '.', the rest.
        asm.lea(rcx, __[r9 + 1]);
        asm.sub(r11, rcx);
        CopyDigits(rcx);
        WriteText(".");
        CopyDigits(r11);
        asm.jmp(finish);
        asm.Bind(ref belowOne);
        // x < 0: "0.", -x-1 zeros, the digits.
        WriteText("0.");
        asm.mov(rcx, r9);
        asm.not(rcx);
        WriteZeros();
        CopyDigits(r11);
        asm.jmp(finish);

        asm.Bind(ref scientific);
        var oneDigit = asm.CreateLabel();
        var positiveExponent = asm.CreateLabel();
        var exponentSign = asm.CreateLabel();
        asm.mov(ecx, 1);
        asm.dec(r11);
        CopyDigits(rcx);
        asm.test(r11, r11);
        asm.jz(oneDigit);
        WriteText(".");
        CopyDigits(r11);
        asm.Bind(ref oneDigit);
        WriteText("e");
        asm.test(r9, r9);
        asm.jns(positiveExponent);
        WriteText("-");
        asm.neg(r9);
        asm.jmp(exponentSign);
        asm.Bind(ref positiveExponent);
        WriteText("+");
        asm.Bind(ref exponentSign);
        asm.lea(r10, __[rbp + ScratchEnd]);
        asm.mov(rax, r9);
        asm.mov(ecx, 10);
        var exponentDigit = asm.CreateLabel();
        asm.Bind(ref exponentDigit);
        asm.xor(edx, edx);
        asm.div(rcx);
        asm.add(dl, (byte)'0');
        asm.dec(r10);
        asm.mov(__byte_ptr[r10], dl);
        asm.test(rax, rax);
        asm.jnz(exponentDigit);
        asm.lea(rcx, __[rbp + ScratchEnd]);
        asm.sub(rcx, r10);
        CopyDigits(rcx);

        asm.Bind(ref finish);
        asm.mov(rax, rbx);
        asm.sub(rax, __qword_ptr[rbp + Start]);
        asm.lea(rsp, __[rbp - 24]);
        asm.pop(r13);
        asm.pop(r12);
        asm.pop(rbx);
        asm.leave();
        asm.ret();
    }

    /// <summary>
    /// rax = the 64 high bits of g·cp / 2^63 (g = r12·2^63 + r13, cp in rdi), with the lowest bit set
    /// when any bit below was: Schubfach's round-to-odd product. Keeps rcx, r12, r13.
    /// </summary>
    private void RoundToOdd()
    {
        asm.mov(rax, r13);
        asm.imul(rdi);
        asm.mov(r10, rdx);
        asm.mov(rax, r12);
        asm.imul(rdi);
        asm.shr(rax, 1);
        asm.add(rax, r10);
        asm.mov(r11, rax);
        asm.shr(r11, 63);
        asm.add(rdx, r11);
        asm.mov(r11, long.MaxValue);
        asm.and(rax, r11);
        asm.add(rax, r11);
        asm.shr(rax, 63);
        asm.or(rax, rdx);
    }

    /// <summary>Copies <paramref name="count"/> digits from r10 (advancing it) to the cursor rbx.</summary>
    private void CopyDigits(AssemblerRegister64 count)
    {
        asm.mov(rsi, r10);
        asm.mov(rdi, rbx);
        if (count != rcx)
        {
            asm.mov(rcx, count);
        }

        asm.rep.movsb();
        asm.mov(rbx, rdi);
        asm.mov(r10, rsi);
    }

    /// <summary>Writes rcx '0' bytes at the cursor rbx.</summary>
    private void WriteZeros()
    {
        asm.mov(rdi, rbx);
        asm.mov(al, (byte)'0');
        asm.rep.stosb();
        asm.mov(rbx, rdi);
    }

    /// <summary>Writes constant ASCII text at the cursor rbx.</summary>
    private void WriteText(string text)
    {
        foreach (var c in text)
        {
            asm.mov(__byte_ptr[rbx], (byte)c);
            asm.inc(rbx);
        }
    }
}

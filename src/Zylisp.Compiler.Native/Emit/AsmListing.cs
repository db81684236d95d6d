using System.Text;
using Iced.Intel;

namespace Zylisp.Compiler.Native.Emit;

/// <summary>The <c>--emit asm</c> listing: Iced's disassembly of the final bytes, labelled with function names.</summary>
internal static class AsmListing
{
    private const ulong ListingBase = 0x401000;

    public static string Format(CompiledCode compiled)
    {
        var (code, result, _) = compiled.Assemble(ListingBase);
        var symbols = new Dictionary<ulong, string>();
        foreach (var (name, label) in compiled.LabelNames)
        {
            // Runtime routines the program never reaches were left out and have no address.
            if (result.TryAddress(label) is { } address)
            {
                symbols.TryAdd(address, name);
            }
        }

        var formatter = new NasmFormatter(new SymbolTable(symbols));
        formatter.Options.FirstOperandCharIndex = 8;
        var decoder = Iced.Intel.Decoder.Create(64, new ByteArrayCodeReader(code), ListingBase);
        var output = new StringOutput();
        var text = new StringBuilder();
        while (decoder.IP < ListingBase + (ulong)code.Length)
        {
            var ip = decoder.IP;
            if (symbols.TryGetValue(ip, out var name))
            {
                text.Append('\n').Append(name).Append(":\n");
            }

            decoder.Decode(out var instruction);
            formatter.Format(instruction, output);
            text.Append("    ").Append(output.ToStringAndReset()).Append('\n');
        }

        return text.ToString();
    }

    private sealed class SymbolTable(IReadOnlyDictionary<ulong, string> symbols) : ISymbolResolver
    {
        public bool TryGetSymbol(in Instruction instruction, int operand, int instructionOperand, ulong address, int addressSize, out SymbolResult symbol)
        {
            if (symbols.TryGetValue(address, out var name))
            {
                symbol = new SymbolResult(address, name);
                return true;
            }

            symbol = default;
            return false;
        }
    }
}

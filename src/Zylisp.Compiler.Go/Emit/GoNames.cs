using System.Text;

namespace Zylisp.Compiler.Go.Emit;

/// <summary>
/// Turns Zylisp names into Go identifiers that read naturally (<c>my-even?</c> → <c>myEvenP</c>,
/// <c>swap!</c> → <c>swapBang</c>) and keeps them unique within one scope of the generated file.
/// </summary>
internal sealed class GoNames
{
    private static readonly HashSet<string> Reserved =
    [
        "break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func",
        "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct",
        "switch", "type", "var",
        // Predeclared identifiers and names the generated file itself uses.
        "any", "append", "bool", "byte", "cap", "close", "complex", "copy", "delete", "error", "false", "float32",
        "float64", "imag", "int", "int8", "int16", "int32", "int64", "iota", "len", "make", "new", "nil", "panic",
        "print", "println", "real", "recover", "rune", "string", "true", "uint", "uint8", "uint16", "uint32",
        "uint64", "uintptr", "min", "max", "clear", "main", "init", "load", "rt", "os", "self", "args",
    ];

    private readonly HashSet<string> used = [];
    private readonly GoNames? parent;

    public GoNames(GoNames? parent = null) => this.parent = parent;

    private bool IsUsed(string name) => used.Contains(name) || (parent?.IsUsed(name) ?? false);

    /// <summary>Reserves a name the file uses itself (a Go import name, say).</summary>
    public void Reserve(string name) => used.Add(name);

    /// <summary>A fresh identifier based on <paramref name="zylispName"/>, never returned before by this scope.</summary>
    public string Fresh(string zylispName, string suffix = "")
    {
        var stem = Mangle(zylispName) + suffix;
        if (stem == "_")
        {
            stem = "ignored"; // Zylisp's _ is an ordinary name that can be read; Go's blank identifier cannot
        }

        var name = stem;
        for (int i = 2; IsUsed(name); i++)
        {
            name = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        used.Add(name);
        return name;
    }

    /// <summary>
    /// A fresh exported identifier (<c>first-name</c> → <c>FirstName</c>): the Go names of typed
    /// records and their fields, which Go packages such as encoding/json only see when exported.
    /// </summary>
    public string FreshExported(string zylispName)
    {
        var stem = Mangle(zylispName);
        stem = stem.Length > 0 && char.IsAsciiLetterLower(stem[0]) ? char.ToUpperInvariant(stem[0]) + stem[1..] : "Z" + stem;
        var name = stem;
        for (int i = 2; IsUsed(name); i++)
        {
            name = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        used.Add(name);
        return name;
    }

    /// <summary>The Go spelling of a Zylisp name: words joined in camel case, punctuation spelled out.</summary>
    public static string Mangle(string zylispName)
    {
        var sb = new StringBuilder();
        bool upperNext = false;
        foreach (var c in zylispName)
        {
            string? word = c switch
            {
                '?' => "P",
                '!' => "Bang",
                '*' => "Star",
                '+' => "Plus",
                '>' => "To",
                '<' => "Lt",
                '=' => "Eq",
                '\'' => "Q",
                _ => null,
            };
            if (word is not null)
            {
                sb.Append(sb.Length == 0 ? word.ToLowerInvariant() : word);
                upperNext = true;
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                sb.Append(upperNext && sb.Length > 0 ? char.ToUpperInvariant(c) : c);
                upperNext = false;
            }
            else
            {
                upperNext = true;
            }
        }

        var name = sb.ToString();
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            name = "z" + name;
        }

        // Exported-looking names stay lower case: the generated package exports nothing.
        if (char.IsAsciiLetterUpper(name[0]))
        {
            name = char.ToLowerInvariant(name[0]) + name[1..];
        }

        return Reserved.Contains(name) ? "z" + char.ToUpperInvariant(name[0]) + name[1..] : name;
    }
}

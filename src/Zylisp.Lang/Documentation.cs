using System.Text;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Printing;
using Zylisp.Lang.Runtime;

namespace Zylisp.Lang;

/// <summary>Docstrings for (doc name): special forms from their table, primitives from their registration, the rest from def metadata.</summary>
internal static class Documentation
{
    public static string? Lookup(GlobalEnvironment globals, string name)
    {
        if (SpecialFormTable.TryGet(name, out var special))
        {
            return $"{special.Name}\n{special.Arglist}\n  Special form. {special.Doc}";
        }

        if (globals.Find(name) is not { IsDefined: true } v)
        {
            return null;
        }

        var sb = new StringBuilder(name).Append('\n');
        switch (v.Value)
        {
            case Builtin b:
                sb.Append(b.Arglists).Append("\n  ").Append(b.Doc);
                break;
            default:
                if (v.Meta.Get(Keyword.Of("arglists")) is { } arglists)
                {
                    sb.Append(Printer.PrStr(arglists)).Append('\n');
                }

                if (v.IsMacro)
                {
                    sb.Append("  Macro.");
                }

                sb.Append("  ").Append(v.Doc ?? "(no docstring)");
                break;
        }

        return sb.ToString();
    }
}

using Zylisp.Lang.Printing;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>Printing, reading and files. Output goes to RunContext.Out: EngineOptions.Out, or a with-out-str buffer.</summary>
internal static class CoreIo
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("print", 0, -1, "([& xs])", "Writes the display forms of xs separated by spaces.", (ctx, a) => Write(ctx, a, v => Printer.PrintStr(v, ctx.Options.Limits), false)),
        Fn("println", 0, -1, "([& xs])", "Writes the display forms of xs separated by spaces, then a newline.", (ctx, a) => Write(ctx, a, v => Printer.PrintStr(v, ctx.Options.Limits), true)),
        Fn("%eprintln", 0, -1, "([& xs])", "Like println, to standard error (EngineOptions.Error); used by time.", (ctx, a) =>
        {
            ctx.Options.Error.Write(string.Join(" ", a.Select(v => Printer.PrintStr(v, ctx.Options.Limits))) + "\n");
            return null;
        }),
        Fn("pr", 0, -1, "([& xs])", "Writes the readable forms of xs separated by spaces.", (ctx, a) => Write(ctx, a, v => Printer.PrStr(v, ctx.Options.Limits), false)),
        Fn("prn", 0, -1, "([& xs])", "Writes the readable forms of xs separated by spaces, then a newline.", (ctx, a) => Write(ctx, a, v => Printer.PrStr(v, ctx.Options.Limits), true)),
        Fn("%with-captured-output", 1, 1, "([thunk])", "Calls thunk with no arguments and returns, as a string, what it printed to standard output (with-out-str).", (ctx, a) =>
            ctx.CaptureOutput(() => Callables.Call(ctx, a[0], []))),
        Fn("pr-str", 0, -1, "([& xs])", "The readable forms of xs separated by spaces, as a string.", (ctx, a) => string.Join(" ", a.Select(v => Printer.PrStr(v, ctx.Options.Limits)))),
        Fn("prn-str", 0, -1, "([& xs])", "Like pr-str with a trailing newline.", (ctx, a) => string.Join(" ", a.Select(v => Printer.PrStr(v, ctx.Options.Limits))) + "\n"),
        Fn("print-str", 0, -1, "([& xs])", "The display forms of xs separated by spaces, as a string.", (ctx, a) => string.Join(" ", a.Select(v => Printer.PrintStr(v, ctx.Options.Limits)))),
        Fn("read-line", 0, 0, "([])", "The next line of standard input without its line terminator, or nil at the end of input.", (ctx, _) => IoCall("read-line", "read", "standard input", _ => ctx.Options.In.ReadLine())),
        Fn("read-string", 1, 1, "([s])", "Reads the first form from the string s.", (ctx, a) => ctx.Host.ReadString(a[0] as string ?? throw RuntimeErrors.WrongType("read-string", "a string", a[0]))),
        Fn("slurp", 1, 1, "([path])", "The contents of the file at path, as a string.", (_, a) => IoCall("slurp", "read", Path(a[0], "slurp"), path => File.ReadAllText(path))),
        Fn("spit", 2, 2, "([path content])", "Writes the display form of content to the file at path; returns nil.", (_, a) => IoCall("spit", "write", Path(a[0], "spit"), path =>
        {
            File.WriteAllText(path, Printer.Str(a[1]));
            return null;
        })),
        Fn("load-file", 1, 1, "([path])", "Reads and evaluates every form of the file; returns the last value.", (ctx, a) => ctx.Host.LoadFile(ctx, Path(a[0], "load-file"))),
    ];

    private static object? Write(RunContext ctx, object?[] args, Func<object?, string> render, bool newline)
    {
        var text = string.Join(" ", args.Select(render));
        if (newline)
        {
            ctx.Out.Write(text + "\n");
        }
        else
        {
            ctx.Out.Write(text);
        }

        return null;
    }

    private static string Path(object? x, string fn) => x as string ?? throw RuntimeErrors.WrongType(fn, "a path string", x);

    private static object? IoCall(string fn, string verb, string path, Func<string, object?> action)
    {
        try
        {
            return action(path);
        }
        catch (Exception e) when (FileErrors.IsFileFailure(e))
        {
            throw RuntimeErrors.Io(fn, FileErrors.Describe(verb, path, e));
        }
    }
}

using Zylisp.Lang;

// Runs a Zylisp program the way `zylisp run` does, for benchmarks that must not depend on the CLI.
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: ZlRun file.zl [args...]");
    return 2;
}

var engine = new Engine();
var result = engine.RunFile(args[0], args[1..]);
foreach (var d in result.Diagnostics.Where(d => d.IsError))
{
    Console.Error.WriteLine(d);
}

return result.ExitCode;

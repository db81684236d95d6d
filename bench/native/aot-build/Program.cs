using Zylisp.Compiler.Native;

// aot-build FILE OUT: what `zylisp build --target native FILE -o OUT` does on success, with the
// same analyzed-forms cache ($XDG_CACHE_HOME/zylisp). Errors are printed plainly (the CLI's
// reporter with source excerpts is not part of this measurement).
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: aot-build FILE OUT");
    return 2;
}

var collected = ProgramCollector.Collect(File.ReadAllText(args[0]), args[0], ExitRule.CallMain, ProgramCollector.DefaultCacheDirectory());
if (collected.Program is null)
{
    foreach (var diagnostic in collected.Diagnostics)
    {
        Console.Error.WriteLine(diagnostic);
    }

    return 1;
}

try
{
    File.WriteAllBytes(args[1], NativeCompiler.BuildExecutable(collected.Program));
}
catch (NativeCompileException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

if (!OperatingSystem.IsWindows())
{
    File.SetUnixFileMode(args[1], File.GetUnixFileMode(args[1]) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
}

return 0;

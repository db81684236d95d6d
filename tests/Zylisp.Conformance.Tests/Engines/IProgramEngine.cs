namespace Zylisp.Conformance.Tests;

/// <summary>What running a program produced: everything it wrote to stdout, its exit status, and stderr for diagnosis.</summary>
public sealed record ProgramOutcome(string StandardOutput, int ExitCode, string StandardError);

/// <summary>
/// A way of running a Zylisp program: the interpreter in-process today; the IL, Go and native
/// backends or the CLI as a separate process later. Every engine must give the same outcome as
/// the interpreter, which is the oracle.
/// </summary>
public interface IProgramEngine
{
    /// <summary>Short name shown in test names, e.g. "interpreter".</summary>
    string Name { get; }

    /// <summary>
    /// The capabilities of <see cref="ProgramCase.KnownNeeds"/> this engine has. A program that
    /// needs one it lacks is reported as skipped with the reason, never silently passed.
    /// </summary>
    IReadOnlySet<string> Capabilities { get; }

    /// <summary>Runs the program file with the command-line arguments and reports stdout and the exit code.</summary>
    ProgramOutcome Run(string path, IReadOnlyList<string> args);
}

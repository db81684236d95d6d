namespace Zylisp.Cli;

/// <summary>The process exit statuses the command promises (README, `zylisp --help`).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The Zylisp program failed (a read, expand, analyze or run error), or <c>zast</c>'s input was invalid.</summary>
    public const int ProgramFailed = 1;

    /// <summary>The command line was wrong: unknown command or option, missing argument, unreadable file.</summary>
    public const int Usage = 2;

    /// <summary>Standard output or error could not be written (sysexits' EX_IOERR): a full disk, a closed descriptor.</summary>
    public const int OutputFailed = 74;

    /// <summary>A bug in Zylisp itself (sysexits' EX_SOFTWARE): never the user's fault.</summary>
    public const int InternalError = 70;
}

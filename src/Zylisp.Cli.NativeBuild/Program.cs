using Zylisp.Cli.Hosting;
using Zylisp.Cli.NativeBuild;

// zylisp-native-build: the ahead-of-time compiled `zylisp build --target native` for its plain forms
// (docs/design/native-build-host.md). It succeeds exactly as the zylisp command would, or hands the
// whole command back to it: the ./zylisp script runs the zylisp command when it finds
// ZYLISP_NATIVE_BUILD_DECLINED set, so every message comes from the one place that words it.

// A build allocates 5-25 MB and exits, so collecting is wasted work: it was ~19 % of a
// word_frequencies build's samples (mostly set off as Iced's instruction list grows), and with no
// collections that build takes ~9 ms (a fifth) less CPU (docs/design/native-compile-latency.md,
// fourth pass). A build that allocates more than this simply collects as before.
const long NoCollectionBudget = 240L * 1024 * 1024;
try
{
    GC.TryStartNoGCRegion(NoCollectionBudget);
}
catch (ArgumentOutOfRangeException)
{
    // More than this runtime allows in one region: collect as usual.
}

var check = LauncherCheck.Start(NativeBuildHost.Manifest, NativeBuildHost.Stamp);
var compiled = NativeBuildHost.Compile(args);
if (check is not null && !check.IsCurrent())
{
    // A stale host must never write a program: the script republishes it and runs the zylisp command.
    return Decline(check, args, NativeBuildHost.Stale);
}

return compiled is not null && NativeBuildHost.TryWrite(compiled) ? 0 : Decline(check, args, NativeBuildHost.Declined);

static int Decline(LauncherCheck? check, string[] args, string why)
{
    if (check is null)
    {
        Console.Error.WriteLine("zylisp-native-build: this build needs the zylisp command's messages; run it with ./zylisp build");
        return 2;
    }

    var errno = check.Relaunch(args, NativeBuildHost.DeclinedVariable + "=" + why);
    Console.Error.WriteLine($"zylisp-native-build: rerunning {check.Launcher} failed (errno {errno})");
    return 2;
}

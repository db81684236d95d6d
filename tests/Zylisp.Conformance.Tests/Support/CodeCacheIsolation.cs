using System.Runtime.CompilerServices;

namespace Zylisp.Conformance.Tests;

/// <summary>
/// Every zylisp process these tests start writes its on-disk code cache under a throw-away folder
/// (children inherit the variable), never into the user's ~/.cache/zylisp.
/// </summary>
internal static class CodeCacheIsolation
{
    [ModuleInitializer]
    internal static void UseTemporaryCacheFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "zylisp-test-cache-" + Environment.ProcessId);
        Environment.SetEnvironmentVariable("XDG_CACHE_HOME", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Already gone, or still held by a child: it is in the temporary folder anyway.
            }
        };
    }
}

using Zylisp.Repl.Workers;

namespace Zylisp.Repl.Tests;

/// <summary>The eval path a `zylisp nrepl` worker runs before it listens (issue 10, first evals of a fresh server).</summary>
public class WorkerWarmUpTests
{
    [Fact]
    public void Every_warm_up_eval_runs_through_a_session_and_the_socket_directory_is_left_empty()
    {
        var directory = Directory.CreateTempSubdirectory("zylisp-warm-up-test-");
        try
        {
            Assert.Equal(6, WorkerWarmUp.Run(directory.FullName, evals: 6));
            Assert.Empty(directory.EnumerateFileSystemInfos());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_socket_directory_that_is_gone_means_a_cold_start_not_a_crash()
    {
        var gone = Path.Combine(Path.GetTempPath(), "zylisp-warm-up-missing-" + Guid.NewGuid().ToString("N"));

        Assert.Equal(0, WorkerWarmUp.Run(gone, evals: 3));
    }
}

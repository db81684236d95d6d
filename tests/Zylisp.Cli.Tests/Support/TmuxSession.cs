using System.Diagnostics;

namespace Zylisp.Cli.Tests.Support;

/// <summary>
/// Drives the REPL through a real pseudo-terminal: a private tmux server (its own socket, so
/// parallel tests never meet), keys sent with <c>send-keys</c>, the screen read with
/// <c>capture-pane</c>. Every wait polls the screen until the expected text appears, with a
/// generous timeout, because start-up and rendering times vary on a loaded machine.
/// </summary>
public sealed class TmuxSession : IDisposable
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(60);

    private const string Target = "repl";
    private readonly string _socket;

    private TmuxSession(string socket) => _socket = socket;

    public static bool IsAvailable { get; } = Probe();

    /// <summary>Starts <c>zylisp ARGS</c> in a fresh 120×40 terminal with the given HOME and environment.</summary>
    public static TmuxSession Start(string home, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var session = new TmuxSession("zylisp-test-" + Guid.NewGuid().ToString("N")[..12]);
        var command = new List<string> { "env", "-u", "NO_COLOR", $"HOME={home}", "TERM=xterm-256color", "DOTNET_NOLOGO=1" };
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            command.Add($"{name}={value}");
        }

        command.Add(CliProcess.DotnetPath);
        command.Add(CliProcess.DllPath);
        command.AddRange(args);

        // remain-on-exit keeps the pane (and its last screen) after the REPL exits, so a test can
        // check that Ctrl+D ended the process rather than finding the session gone.
        session.Tmux(["-f", "/dev/null", "new-session", "-d", "-s", Target, "-x", "120", "-y", "40", .. command,
            ";", "set-option", "-t", Target, "remain-on-exit", "on"]);
        return session;
    }

    /// <summary>Types text literally (no key names).</summary>
    public void Type(string text) => Tmux(["send-keys", "-t", Target, "-l", text]);

    /// <summary>Types a line of input and presses Enter.</summary>
    public void TypeLine(string text)
    {
        Type(text);
        Press("Enter");
    }

    /// <summary>Presses named keys: Enter, Tab, C-c, C-d, Up, Down.</summary>
    public void Press(params string[] keys) => Tmux(["send-keys", "-t", Target, .. keys]);

    public string Screen() => Tmux(["capture-pane", "-p", "-J", "-t", Target]);

    /// <summary>The screen with its colour escape sequences, to check highlighting.</summary>
    public string ScreenWithEscapes() => Tmux(["capture-pane", "-p", "-e", "-J", "-t", Target]);

    public bool ProcessExited => Tmux(["display-message", "-p", "-t", Target, "#{pane_dead}"]).Trim() == "1";

    /// <summary>Waits until the screen satisfies <paramref name="condition"/>; fails with the screen shown otherwise.</summary>
    public string WaitFor(Func<string, bool> condition, string description, TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        var limit = timeout ?? DefaultWait;
        string screen;
        while (true)
        {
            screen = Screen();
            if (condition(screen))
            {
                return screen;
            }

            if (deadline.Elapsed > limit)
            {
                throw new TimeoutException($"waited {limit.TotalSeconds:0}s for {description}; the screen shows:\n{screen}");
            }

            Thread.Sleep(100);
        }
    }

    public string WaitForText(string text, TimeSpan? timeout = null) =>
        WaitFor(screen => screen.Contains(text, StringComparison.Ordinal), $"'{text}'", timeout);

    /// <summary>Waits until <paramref name="text"/> appears at least <paramref name="count"/> times.</summary>
    public string WaitForCount(string text, int count, TimeSpan? timeout = null) =>
        WaitFor(screen => Occurrences(screen, text) >= count, $"{count}× '{text}'", timeout);

    public void WaitForExit(TimeSpan? timeout = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!ProcessExited)
        {
            if (deadline.Elapsed > (timeout ?? DefaultWait))
            {
                throw new TimeoutException($"the REPL did not exit; the screen shows:\n{Screen()}");
            }

            Thread.Sleep(100);
        }
    }

    public static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    public void Dispose()
    {
        string? socketPath = null;
        try
        {
            socketPath = Tmux(["display-message", "-p", "#{socket_path}"]).Trim();
            Tmux(["kill-server"]);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        // tmux leaves its socket file behind after kill-server.
        if (!string.IsNullOrEmpty(socketPath) && Path.GetFileName(socketPath) == _socket)
        {
            File.Delete(socketPath);
        }
    }

    private string Tmux(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("tmux")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start tmux");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"tmux {string.Join(' ', args)} failed: {error}");
        }

        return output;
    }

    private static bool Probe()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("tmux", "-V")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            process?.WaitForExit();
            return process?.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>A test that needs tmux; skipped, saying why, where tmux is not installed.</summary>
public sealed class TmuxFactAttribute : FactAttribute
{
    public TmuxFactAttribute()
    {
        if (!TmuxSession.IsAvailable)
        {
            Skip = "tmux is not installed: the REPL's terminal tests need it (.ci/run installs it with apt-get).";
        }
    }
}

/// <summary>A theory that needs tmux; skipped, saying why, where tmux is not installed.</summary>
public sealed class TmuxTheoryAttribute : TheoryAttribute
{
    public TmuxTheoryAttribute()
    {
        if (!TmuxSession.IsAvailable)
        {
            Skip = "tmux is not installed: the REPL's terminal tests need it (.ci/run installs it with apt-get).";
        }
    }
}

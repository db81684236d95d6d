namespace Zylisp.Rely;

/// <summary>How a generic server is started.</summary>
public sealed record GenServerOptions
{
    /// <summary>OTP's default call timeout.</summary>
    public static readonly TimeSpan DefaultCallTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Timeout for <see cref="GenServerRef.Call"/> when the caller gives none.</summary>
    public TimeSpan CallTimeout { get; init; } = DefaultCallTimeout;

    /// <summary>Clock for call timeouts; tests inject a manual one.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Register the server under this name (needs <see cref="Registry"/>).</summary>
    public string? Name { get; init; }

    public Registry? Registry { get; init; }
}

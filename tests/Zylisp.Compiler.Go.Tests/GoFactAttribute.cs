namespace Zylisp.Compiler.Go.Tests;

/// <summary>A fact that needs the Go toolchain; skipped with the reason when `go` is missing.</summary>
public sealed class GoFactAttribute : FactAttribute
{
    public GoFactAttribute()
    {
        if (GoToolchain.GoPath is null)
        {
            Skip = "go is not installed (apt-get install golang-go; .ci/run installs it): this test builds Go code";
        }
    }
}

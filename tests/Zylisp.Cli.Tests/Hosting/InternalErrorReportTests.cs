using Zylisp.Cli.Hosting;

namespace Zylisp.Cli.Tests.Hosting;

public class InternalErrorReportTests
{
    private static Exception Thrown()
    {
        try
        {
            throw new InvalidOperationException("the engine fell over");
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    [Fact]
    public void Without_verbose_the_report_is_short_and_has_no_dotnet_stack()
    {
        var error = new StringWriter();

        InternalErrorReport.Write(error, Thrown(), verbose: false);

        var text = error.ToString();
        Assert.StartsWith("zylisp: internal error: InvalidOperationException: the engine fell over", text);
        Assert.Contains("--verbose", text);
        Assert.DoesNotContain(" at ", text);
    }

    [Fact]
    public void Verbose_adds_the_dotnet_stack()
    {
        var error = new StringWriter();

        InternalErrorReport.Write(error, Thrown(), verbose: true);

        Assert.Contains(" at Zylisp.Cli.Tests.Hosting.InternalErrorReportTests.Thrown", error.ToString());
    }
}

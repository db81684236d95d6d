using Zylisp.Cli.Repl;

namespace Zylisp.Cli.Tests.Repl;

public class TerminalProfileTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars) =>
        name => vars.LastOrDefault(v => v.Name == name).Value;

    [Fact]
    public void A_terminal_on_both_ends_gets_line_editing_and_prompts()
    {
        var profile = TerminalProfile.Detect(Env(("TERM", "xterm-256color")), inputIsTerminal: true, outputIsTerminal: true);

        Assert.Equal(new TerminalProfile(LineEditing: true, ShowPrompts: true), profile);
    }

    [Fact]
    public void Piped_input_is_plain_and_prints_no_prompts()
    {
        var profile = TerminalProfile.Detect(Env(("TERM", "xterm")), inputIsTerminal: false, outputIsTerminal: true);

        Assert.Equal(new TerminalProfile(LineEditing: false, ShowPrompts: false), profile);
    }

    [Theory]
    [InlineData("TERM", "dumb")]
    [InlineData("NO_COLOR", "1")]
    public void Dumb_terminals_and_NO_COLOR_are_plain_but_still_prompt(string name, string value)
    {
        var profile = TerminalProfile.Detect(Env(("TERM", "xterm"), (name, value)), inputIsTerminal: true, outputIsTerminal: true);

        Assert.Equal(new TerminalProfile(LineEditing: false, ShowPrompts: true), profile);
    }

    [Fact]
    public void Redirected_output_turns_off_line_editing()
    {
        var profile = TerminalProfile.Detect(Env(("TERM", "xterm")), inputIsTerminal: true, outputIsTerminal: false);

        Assert.False(profile.LineEditing);
    }
}

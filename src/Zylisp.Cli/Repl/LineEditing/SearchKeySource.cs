using RadLine;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// RadLine's key source, with the Ctrl+R search in front of it. While a search is active, the keys
/// that edit the query change <see cref="HistorySearch"/> here and reach RadLine as
/// <see cref="RefreshKey"/>, whose command shows the result; any other key accepts the match and
/// goes on to RadLine unchanged. Outside a search every key passes through.
/// </summary>
internal sealed class SearchKeySource(HistorySearch search, IInputSource keys) : IInputSource
{
    /// <summary>A key no keyboard sends, bound to <see cref="HistorySearchCommand"/>.</summary>
    public static readonly ConsoleKeyInfo RefreshKey = new('\0', ConsoleKey.F24, shift: false, alt: false, control: false);

    public bool ByPassProcessing => keys.ByPassProcessing;

    public bool IsKeyAvailable() => keys.IsKeyAvailable();

    public ConsoleKeyInfo ReadKey() => Route(keys.ReadKey());

    internal ConsoleKeyInfo Route(ConsoleKeyInfo key)
    {
        var control = key.Modifiers.HasFlag(ConsoleModifiers.Control);
        if (!search.Active)
        {
            if (control && key.Key == ConsoleKey.R)
            {
                search.Begin();
            }

            return key;
        }

        switch (key.Key)
        {
            case ConsoleKey.R when control:
                search.Older();
                return RefreshKey;
            case ConsoleKey.G when control:
            case ConsoleKey.Escape:
                search.Cancel();
                return RefreshKey;
            case ConsoleKey.Backspace:
                search.Backspace();
                return RefreshKey;
        }

        if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar) && !control && !key.Modifiers.HasFlag(ConsoleModifiers.Alt))
        {
            search.Type(key.KeyChar);
            return RefreshKey;
        }

        search.Accept();
        return key;
    }
}

/// <summary>The terminal's keys, as RadLine's own default source reads them.</summary>
internal sealed class ConsoleKeySource : IInputSource
{
    public bool ByPassProcessing => false;

    public bool IsKeyAvailable() => Console.KeyAvailable;

    public ConsoleKeyInfo ReadKey() => Console.ReadKey(intercept: true);
}

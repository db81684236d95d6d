using RadLine;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// Tab: completes the symbol before the cursor from the defined names. One match is completed; several
/// are completed to their longest common prefix, and a further Tab cycles through them.
/// </summary>
internal sealed class CompleteSymbolCommand(Func<IEnumerable<string>> names) : LineEditorCommand
{
    internal const string CycleState = "zylisp.completion-cycle";

    public override void Execute(LineEditorContext context)
    {
        var buffer = context.Buffer;
        var content = buffer.Content;
        var cursor = buffer.Position;
        var start = SymbolCompleter.WordStart(content, cursor);
        var word = content[start..cursor];

        var cycle = context.GetState<Cycle?>(CycleState, () => null);
        if (cycle is not null && cycle.Start == start && cycle.Candidates.Count > 0 && cycle.Candidates[cycle.Index] == word)
        {
            var next = (cycle.Index + 1) % cycle.Candidates.Count;
            Replace(buffer, start, word, cycle.Candidates[next]);
            context.SetState<Cycle?>(CycleState, cycle with { Index = next });
            return;
        }

        var candidates = SymbolCompleter.Candidates(word, names());
        if (candidates.Count == 0)
        {
            return;
        }

        var common = SymbolCompleter.LongestCommonPrefix(candidates);
        if (common.Length > word.Length)
        {
            Replace(buffer, start, word, common);
            context.SetState<Cycle?>(CycleState, null);
        }
        else
        {
            Replace(buffer, start, word, candidates[0]);
            context.SetState<Cycle?>(CycleState, new Cycle(start, candidates, 0, word));
        }
    }

    internal static void Replace(LineBuffer buffer, int start, string oldWord, string newWord)
    {
        if (oldWord.Length > 0)
        {
            buffer.Clear(start, oldWord.Length);
        }

        buffer.Move(start);
        buffer.Insert(newWord);
        buffer.Move(start + newWord.Length);
    }

    /// <summary>A completion being cycled with Tab: the candidates, the one shown, and the word as typed (Esc restores it).</summary>
    internal sealed record Cycle(int Start, IReadOnlyList<string> Candidates, int Index, string Typed);
}

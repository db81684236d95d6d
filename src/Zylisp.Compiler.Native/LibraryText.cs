using System.Text;

namespace Zylisp.Compiler.Native;

/// <summary>
/// The native library's source cut into its top-level forms, so a build analyzes only the forms a
/// program can reach instead of the whole library (analyzing all of it cost ~35 ms of CPU in
/// every build that needed any library function; docs/design/native-compile-latency.md).
/// A form starts at a line whose first character is '(' and runs to the next one. Which forms
/// are reached is decided here from the text alone (every symbol-like word of a form, strings
/// and comments skipped), which can only take too many: <see cref="NativeLibrary.For"/> then
/// keeps exactly the analyzed forms the program reaches, and adds any form a macro expansion
/// reached that the text did not show.
/// </summary>
internal sealed class LibraryText
{
    private readonly string text;
    private readonly List<Form> forms = [];
    private readonly Dictionary<string, List<int>> definers = new(StringComparer.Ordinal);
    private readonly List<int> unnamed = [];

    public LibraryText(string text)
    {
        this.text = text;
        var start = -1;
        for (var line = 0; line < text.Length; line = NextLine(text, line))
        {
            if (text[line] == '(')
            {
                if (start >= 0)
                {
                    Add(start, line);
                }

                start = line;
            }
        }

        if (start >= 0)
        {
            Add(start, text.Length);
        }
    }

    /// <summary>The global names the library defines (%%x counts as x).</summary>
    public IEnumerable<string> DefinedNames => definers.Keys;

    /// <summary>
    /// Marks in <paramref name="selected"/> the forms defining <paramref name="names"/> and, in turn,
    /// every form defining a word those forms hold (can only take too many), and every form that
    /// defines no name with def or defn (a defmacro, a top-level expression: analyzing the whole
    /// library ran them too, and a later form may need the macro). Returns whether any form was
    /// newly marked.
    /// </summary>
    public bool Select(IEnumerable<string> names, bool[] selected)
    {
        var pending = new Queue<string>(names);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var added = false;
        foreach (var formIndex in unnamed)
        {
            if (!selected[formIndex])
            {
                selected[formIndex] = true;
                added = true;
                Follow(formIndex, pending);
            }
        }

        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name) || !definers.TryGetValue(name, out var indices))
            {
                continue;
            }

            foreach (var formIndex in indices)
            {
                if (selected[formIndex])
                {
                    continue;
                }

                selected[formIndex] = true;
                added = true;
                Follow(formIndex, pending);
            }
        }

        return added;
    }

    /// <summary>Queues the form's words.</summary>
    private void Follow(int formIndex, Queue<string> pending)
    {
        var form = forms[formIndex];
        foreach (var word in Words(form.Start, form.End))
        {
            pending.Enqueue(word);
        }
    }

    public int FormCount => forms.Count;

    /// <summary>The library text with every form not selected blanked to its line breaks, so spans keep their lines.</summary>
    public string Subset(bool[] selected)
    {
        var subset = new StringBuilder(text.Length);
        var at = 0;
        for (var i = 0; i < forms.Count; i++)
        {
            var form = forms[i];
            KeepLineBreaks(subset, at, form.Start);
            if (selected[i])
            {
                subset.Append(text, form.Start, form.End - form.Start);
            }
            else
            {
                KeepLineBreaks(subset, form.Start, form.End);
            }

            at = form.End;
        }

        return subset.ToString();
    }

    private void KeepLineBreaks(StringBuilder into, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (text[i] == '\n')
            {
                into.Append('\n');
            }
        }
    }

    private void Add(int start, int end)
    {
        var index = forms.Count;
        var name = NativeLibrary.DefinedAt(text, start) is { } defined ? NativeLibrary.GlobalName(defined) : null;
        forms.Add(new Form(start, end, name));
        if (name is { } global)
        {
            if (!definers.TryGetValue(global, out var indices))
            {
                definers[global] = indices = [];
            }

            indices.Add(index);
        }
        else
        {
            unnamed.Add(index);
        }
    }

    /// <summary>The symbol-like words of a form, as global names; strings and comments skipped. Found only when a form is followed by its text.</summary>
    private HashSet<string> Words(int start, int end)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c == ';')
            {
                while (i < end && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '"')
            {
                i++;
                while (i < end && text[i] != '"')
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i++;
            }
            else if (IsDelimiter(c))
            {
                i++;
            }
            else
            {
                var wordStart = i;
                while (i < end && !IsDelimiter(text[i]) && text[i] is not (';' or '"'))
                {
                    i++;
                }

                words.Add(NativeLibrary.GlobalName(text[wordStart..i]));
            }
        }

        return words;
    }

    private static bool IsDelimiter(char c) =>
        char.IsWhiteSpace(c) || c is '(' or ')' or '[' or ']' or '{' or '}' or '\'' or '`' or '~' or '@' or '^' or '#' or ',';

    private static int NextLine(string text, int start)
    {
        var end = text.IndexOf('\n', start);
        return end < 0 ? text.Length : end + 1;
    }

    /// <summary>A top-level form: where it is and the global it defines (null for none).</summary>
    private sealed record Form(int Start, int End, string? Name);
}

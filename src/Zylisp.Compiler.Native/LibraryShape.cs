namespace Zylisp.Compiler.Native;

/// <summary>
/// The library's top-level forms as choosing among them needs them, without their code: the names
/// the library's text defines (what a program may want from it), and for each form, in library
/// order, the globals it defines and the globals it uses, as the analyzer saw them.
/// </summary>
internal sealed record LibraryShape(string[] Names, string[][] Defines, string[][] Uses)
{
    /// <summary>
    /// The forms (indices, in library order) defining the names the program wants that the library
    /// defines, and in turn every global those use that the program does not define itself.
    /// </summary>
    public int[] Keep(IEnumerable<string> wanted, IReadOnlySet<string> defined)
    {
        var names = new HashSet<string>(wanted, StringComparer.Ordinal);
        names.IntersectWith(Names);
        if (names.Count == 0)
        {
            return [];
        }

        var keep = Reach(names, defined, out _);
        var kept = new List<int>();
        for (var i = 0; i < keep.Length; i++)
        {
            if (keep[i])
            {
                kept.Add(i);
            }
        }

        return [.. kept];
    }

    /// <summary>
    /// Which forms define a name reached from <paramref name="wanted"/>: a reached global is followed
    /// through every form defining it to what that form uses, unless the program defines it.
    /// <paramref name="reached"/> is every global reached.
    /// </summary>
    public bool[] Reach(IEnumerable<string> wanted, IReadOnlySet<string> defined, out HashSet<string> reached)
    {
        var definers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < Defines.Length; i++)
        {
            foreach (var name in Defines[i])
            {
                if (!definers.TryGetValue(name, out var forms))
                {
                    definers[name] = forms = [];
                }

                forms.Add(i);
            }
        }

        var keep = new bool[Defines.Length];
        reached = new HashSet<string>(wanted, StringComparer.Ordinal);
        var pending = new Queue<string>(reached);
        while (pending.TryDequeue(out var name))
        {
            if (!definers.TryGetValue(name, out var forms))
            {
                continue;
            }

            foreach (var i in forms)
            {
                if (keep[i])
                {
                    continue;
                }

                keep[i] = true;
                foreach (var used in Uses[i])
                {
                    if (!defined.Contains(used) && reached.Add(used))
                    {
                        pending.Enqueue(used);
                    }
                }
            }
        }

        return keep;
    }
}

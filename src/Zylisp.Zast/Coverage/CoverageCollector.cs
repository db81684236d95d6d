using System.Collections;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Schema;

namespace Zylisp.Zast.Coverage;

/// <summary>Counts, over a corpus, how often each <see cref="CoverageFacts"/> fact occurs and in which files.</summary>
public sealed class CoverageCollector
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _files = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> Counts => _counts;

    public int Count(string fact) => _counts.GetValueOrDefault(fact);

    /// <summary>The corpus files a fact occurs in, in ordinal order.</summary>
    public IReadOnlyCollection<string> FilesWith(string fact) =>
        _files.TryGetValue(fact, out var files) ? files : [];

    /// <summary>Adds every node of every file in <paramref name="program"/>, attributed to <paramref name="source"/>.</summary>
    public void Add(Ast.Program program, string source)
    {
        foreach (var file in program.Files) Add(file, source);
    }

    public void Add(Node root, string source)
    {
        var pending = new Stack<Node>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            CoverageFacts.Observe(node, fact => Record(fact, source));
            foreach (var field in ZastSchema.Of(node).Fields)
            {
                if (field.Kind is FieldKind.Node or FieldKind.OptionalNode && field.GetNode(node) is { } child) pending.Push(child);
                else if (field.Kind == FieldKind.NodeList)
                {
                    foreach (Node item in (IList)field.GetList(node)) pending.Push(item);
                }
            }
        }
    }

    /// <summary>Facts that should occur but do not (excluding <see cref="CoverageFacts.Unreachable"/>).</summary>
    public IReadOnlyList<string> Missing() =>
        CoverageFacts.All.Where(fact => Count(fact) == 0 && !CoverageFacts.Unreachable.ContainsKey(fact)).ToArray();

    /// <summary>Facts listed as unreachable that the corpus nevertheless exercises.</summary>
    public IReadOnlyList<string> WronglyUnreachable() =>
        CoverageFacts.Unreachable.Keys.Where(fact => Count(fact) > 0).Order(StringComparer.Ordinal).ToArray();

    private void Record(string fact, string source)
    {
        _counts[fact] = _counts.GetValueOrDefault(fact) + 1;
        if (!_files.TryGetValue(fact, out var files)) _files[fact] = files = new SortedSet<string>(StringComparer.Ordinal);
        files.Add(source);
    }
}

namespace Zylisp.Zast.Ast;

/// <summary>
/// A compact source position, as go/token.Pos: an offset into a <see cref="FileSet"/>'s
/// combined address space. 0 (<see cref="NoPos"/>) means "no position".
/// </summary>
public readonly record struct Pos(int Value) : IComparable<Pos>
{
    public static readonly Pos NoPos = new(0);

    public bool IsValid => Value > 0;

    public static Pos operator +(Pos pos, int delta) => new(pos.Value + delta);

    public static bool operator <(Pos a, Pos b) => a.Value < b.Value;
    public static bool operator >(Pos a, Pos b) => a.Value > b.Value;
    public static bool operator <=(Pos a, Pos b) => a.Value <= b.Value;
    public static bool operator >=(Pos a, Pos b) => a.Value >= b.Value;

    public int CompareTo(Pos other) => Value.CompareTo(other.Value);

    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A decoded position, as go/token.Position. Line and column are 1-based; column counts bytes.</summary>
public readonly record struct Position(string Filename, int Offset, int Line, int Column)
{
    public bool IsValid => Line > 0;

    public override string ToString()
    {
        var name = Filename;
        if (!IsValid) return name.Length == 0 ? "-" : name;
        var lineCol = Column != 0 ? $"{Line}:{Column}" : $"{Line}";
        return name.Length == 0 ? lineCol : $"{name}:{lineCol}";
    }
}

/// <summary>
/// One source file's slice of a <see cref="FileSet"/>, as go/token.File: its base, its size in
/// bytes, and the byte offset at which each line starts (the first line always starts at 0).
/// </summary>
public sealed class TokenFile
{
    private readonly List<int> _lines = [0];

    public TokenFile(string name, int @base, int size)
    {
        Name = name;
        Base = @base;
        Size = size;
    }

    public string Name { get; }
    public int Base { get; }
    public int Size { get; }

    /// <summary>Offsets of the first byte of each line.</summary>
    public IReadOnlyList<int> Lines => _lines;

    public int LineCount => _lines.Count;

    /// <summary>Records a line start; ignored unless it is past the last one and inside the file (as go/token).</summary>
    public void AddLine(int offset)
    {
        if (offset > _lines[^1] && offset < Size) _lines.Add(offset);
    }

    /// <summary>Replaces the line table; returns false (and changes nothing) if it is not strictly increasing from 0 within the file.</summary>
    public bool SetLines(IReadOnlyList<int> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (i == 0 ? lines[i] != 0 : lines[i] <= lines[i - 1] || lines[i] >= Size) return false;
        }
        _lines.Clear();
        if (lines.Count == 0) _lines.Add(0); else _lines.AddRange(lines);
        return true;
    }

    /// <summary>Computes line starts from the file's text (bytes are UTF-8 offsets).</summary>
    public void SetLinesForContent(ReadOnlySpan<byte> content)
    {
        _lines.Clear();
        var lineStart = 0;
        for (var offset = 0; offset < content.Length; offset++)
        {
            if (lineStart >= 0) { _lines.Add(lineStart); lineStart = -1; }
            if (content[offset] == (byte)'\n') lineStart = offset + 1;
        }
        if (_lines.Count == 0) _lines.Add(0);
    }

    public Pos Pos(int offset) => new(Base + Math.Clamp(offset, 0, Size));

    public int Offset(Pos pos) => Math.Clamp(pos.Value - Base, 0, Size);

    public int Line(Pos pos) => Position(pos).Line;

    public Position Position(Pos pos)
    {
        if (!pos.IsValid) return default;
        var offset = Offset(pos);
        var index = _lines.BinarySearch(offset);
        if (index < 0) index = ~index - 1;
        return new Position(Name, offset, index + 1, offset - _lines[index] + 1);
    }
}

/// <summary>
/// A set of source files sharing one position space, as go/token.FileSet. Bases start at 1 and
/// each file reserves <c>size + 1</c> positions, so the position just past a file's end is valid.
/// </summary>
public sealed class FileSet
{
    private readonly List<TokenFile> _files = [];

    public FileSet(int @base = 1) => Base = @base;

    /// <summary>The base the next added file gets by default.</summary>
    public int Base { get; private set; }

    public IReadOnlyList<TokenFile> Files => _files;

    /// <summary>Adds a file; <paramref name="base"/> &lt; 0 means "the next free base".</summary>
    public TokenFile AddFile(string name, int @base, int size)
    {
        if (@base < 0) @base = Base;
        if (@base < Base) throw new ArgumentOutOfRangeException(nameof(@base), $"base {@base} is below the file set's next base {Base}");
        if (size < 0) throw new ArgumentOutOfRangeException(nameof(size), "size must not be negative");
        var file = new TokenFile(name, @base, size);
        _files.Add(file);
        Base = @base + size + 1;
        return file;
    }

    /// <summary>The file containing <paramref name="pos"/>, or null.</summary>
    public TokenFile? File(Pos pos)
    {
        if (!pos.IsValid) return null;
        foreach (var file in _files)
        {
            if (pos.Value >= file.Base && pos.Value <= file.Base + file.Size) return file;
        }
        return null;
    }

    public Position Position(Pos pos) => File(pos)?.Position(pos) ?? default;
}

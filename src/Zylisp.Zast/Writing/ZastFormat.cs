namespace Zylisp.Zast.Writing;

/// <summary>The two layouts of the canonical format; both read back to the same tree.</summary>
public enum ZastFormat
{
    /// <summary>One node field per line, indented by two spaces per level; leaf nodes stay on one line.</summary>
    Pretty,

    /// <summary>Everything on one line, items separated by single spaces.</summary>
    Compact,
}

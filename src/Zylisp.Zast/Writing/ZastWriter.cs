using System.Collections;
using System.Globalization;
using System.Text;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Schema;

namespace Zylisp.Zast.Writing;

/// <summary>
/// Writes ASTs in the canonical S-expression format (docs/zast-format.md), driven by
/// <see cref="ZastSchema"/>. The layout rules are simple enough that the Go oracle
/// (corpus/go-ast-coverage/tools) implements them identically:
/// <list type="bullet">
/// <item>A node is <c>(Type :field value …)</c> with every field, in go/ast order.</item>
/// <item>Pretty: a node none of whose fields holds a node or a non-empty list ("flat") stays on one
/// line; otherwise each field goes on its own line, indented two spaces past the line holding the
/// node's opening parenthesis. A non-empty list puts each element on its own line, indented two
/// spaces past the field. Closing parentheses never start a line.</item>
/// <item>Compact: the same items separated by single spaces.</item>
/// <item>A document (a whole Program) ends with one newline.</item>
/// </list>
/// </summary>
public sealed class ZastWriter
{
    private readonly StringBuilder _out;
    private readonly bool _pretty;

    private ZastWriter(StringBuilder output, ZastFormat format)
    {
        _out = output;
        _pretty = format == ZastFormat.Pretty;
    }

    /// <summary>Writes a whole program (file set and files) as a document ending in a newline.</summary>
    /// <exception cref="InsufficientExecutionStackException">The tree is nested too deeply for the current thread's stack.</exception>
    public static string Write(Ast.Program program, ZastFormat format = ZastFormat.Pretty)
    {
        var sb = new StringBuilder();
        new ZastWriter(sb, format).WriteProgram(program);
        sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>Writes one node (or <c>nil</c>), with no trailing newline.</summary>
    public static string WriteNode(Node? node, ZastFormat format = ZastFormat.Pretty)
    {
        var sb = new StringBuilder();
        new ZastWriter(sb, format).WriteNode(node, 0);
        return sb.ToString();
    }

    private void WriteProgram(Ast.Program program)
    {
        _out.Append("(Program");
        FieldName("fileset", 2);
        WriteFileSet(program.FileSet, 2);
        FieldName("files", 2);
        WriteList(program.Files, 2);
        _out.Append(')');
    }

    private void WriteFileSet(FileSet fileSet, int indent)
    {
        var flat = fileSet.Files.Count == 0;
        _out.Append("(FileSet");
        FieldName("base", indent + 2, flat);
        WriteInt(fileSet.Base);
        FieldName("files", indent + 2, flat);
        if (flat)
        {
            _out.Append("()");
        }
        else
        {
            _out.Append('(');
            for (var i = 0; i < fileSet.Files.Count; i++)
            {
                ListSeparator(i, indent + 4);
                WriteFileInfo(fileSet.Files[i]);
            }
            _out.Append(')');
        }
        _out.Append(')');
    }

    private void WriteFileInfo(TokenFile file)
    {
        _out.Append("(FileInfo :name ");
        GoString.Quote(_out, file.Name);
        _out.Append(" :base ");
        WriteInt(file.Base);
        _out.Append(" :size ");
        WriteInt(file.Size);
        _out.Append(" :lines (");
        for (var i = 0; i < file.Lines.Count; i++)
        {
            if (i > 0) _out.Append(' ');
            WriteInt(file.Lines[i]);
        }
        _out.Append("))");
    }

    private void WriteNode(Node? node, int indent)
    {
        if (node is null)
        {
            _out.Append("nil");
            return;
        }
        // Deep trees (long operator chains) throw a catchable exception rather than overflow the stack.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var schema = ZastSchema.Of(node);
        var flat = IsFlat(schema, node);
        _out.Append('(').Append(schema.Name);
        foreach (var field in schema.Fields)
        {
            FieldName(field.Name, indent + 2, flat);
            WriteValue(field, node, indent + 2);
        }
        _out.Append(')');
    }

    private void WriteValue(FieldSchema field, Node node, int indent)
    {
        switch (field.Kind)
        {
            case FieldKind.Pos:
                WriteInt(field.GetPos(node).Value);
                break;
            case FieldKind.Node:
            case FieldKind.OptionalNode:
                WriteNode(field.GetNode(node), indent);
                break;
            case FieldKind.NodeList:
                WriteList(field.GetList(node), indent);
                break;
            case FieldKind.Token:
                _out.Append(((Token)field.GetValue(node)!).GoName());
                break;
            case FieldKind.String:
                GoString.Quote(_out, (string)field.GetValue(node)!);
                break;
            case FieldKind.Bool:
                _out.Append((bool)field.GetValue(node)! ? "true" : "false");
                break;
            case FieldKind.ChanDir:
                _out.Append(ChanDirText((ChanDir)field.GetValue(node)!));
                break;
        }
    }

    private void WriteList(IList items, int indent)
    {
        _out.Append('(');
        for (var i = 0; i < items.Count; i++)
        {
            ListSeparator(i, indent + 2);
            WriteNode((Node?)items[i], indent + 2);
        }
        _out.Append(')');
    }

    /// <summary>The canonical spelling of a channel direction; anything but the three valid sets is written as its integer.</summary>
    public static string ChanDirText(ChanDir dir) => dir switch
    {
        ChanDir.Send => "SEND",
        ChanDir.Recv => "RECV",
        ChanDir.Send | ChanDir.Recv => "(SEND RECV)",
        _ => ((int)dir).ToString(CultureInfo.InvariantCulture),
    };

    private static bool IsFlat(NodeSchema schema, Node node)
    {
        foreach (var field in schema.Fields)
        {
            switch (field.Kind)
            {
                case FieldKind.Node or FieldKind.OptionalNode when field.GetNode(node) is not null:
                case FieldKind.NodeList when field.GetList(node).Count > 0:
                    return false;
            }
        }
        return true;
    }

    private void FieldName(string name, int indent, bool flat = false)
    {
        if (_pretty && !flat) NewLine(indent); else _out.Append(' ');
        _out.Append(':').Append(name).Append(' ');
    }

    private void ListSeparator(int index, int indent)
    {
        if (_pretty) NewLine(indent);
        else if (index > 0) _out.Append(' ');
    }

    /// <summary>
    /// Indentation stops growing at <see cref="MaxIndent"/> columns (64 levels), so a tree nested
    /// thousands deep writes output linear in its size rather than quadratic (issue 15 item 2).
    /// </summary>
    private void NewLine(int indent) => _out.Append('\n').Append(' ', Math.Min(indent, MaxIndent));

    private const int MaxIndent = 128;

    private void WriteInt(int value)
    {
        // formatted in place: a string per integer was a large share of writing time
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        _out.Append(digits[..length]);
    }
}

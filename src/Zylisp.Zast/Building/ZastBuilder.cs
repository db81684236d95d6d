using System.Globalization;
using System.Runtime.CompilerServices;
using Zylisp.Zast.Ast;
using Zylisp.Zast.Diagnostics;
using Zylisp.Zast.Schema;
using Zylisp.Zast.SExpressions;
using File = Zylisp.Zast.Ast.File;

namespace Zylisp.Zast.Building;

/// <summary>
/// Builds ASTs from canonical S-expressions, driven by <see cref="ZastSchema"/>, and validates
/// as it goes: node types against the interface a field expects, field names and their order,
/// value kinds, token sets, and (inside a Program) that positions fall in the file set. It never
/// throws on bad input; each diagnostic names the tree path (<c>File.decls[2].body.list[0]</c>)
/// and the S-expression's line:col. The tree is returned only when there were no errors.
/// </summary>
/// <remarks>
/// The canonical text writes shared objects once per place they appear (File.Imports repeats
/// specs in Decls; Doc and Comment groups repeat ones in File.Comments). The builder restores
/// that sharing, as go/parser produces it, by matching positions.
/// </remarks>
public sealed class ZastBuilder
{
    private static readonly string[] ProgramFields = ["fileset", "files"];
    private static readonly string[] FileSetFields = ["base", "files"];
    private static readonly string[] FileInfoFields = ["name", "base", "size", "lines"];

    private readonly ZastOptions _options;
    private readonly List<ZastDiagnostic> _diagnostics = [];
    private readonly List<(string? Field, int Index)> _path = [];
    private FileSet? _fileSet;
    private int _errors;

    private ZastBuilder(ZastOptions options) => _options = options;

    /// <summary>Reads and builds a whole <c>(Program :fileset … :files …)</c> document.</summary>
    public static BuildResult<Ast.Program> BuildProgram(string text, string file = "<zast>", ZastOptions? options = null)
    {
        options ??= ZastOptions.Default;
        var read = SExprReader.Read(text, file, options);
        var builder = new ZastBuilder(options);
        builder._diagnostics.AddRange(read.Diagnostics);
        var program = builder.SingleForm(read.Forms, file) is { } form ? builder.Program(form) : null;
        return builder.Result(program);
    }

    /// <summary>Reads and builds one node of any type (<c>(BinaryExpr …)</c>); paths start at its type name.</summary>
    public static BuildResult<Node> BuildNode(string text, string file = "<zast>", ZastOptions? options = null) =>
        BuildNode<Node>(text, file, options);

    /// <summary>Reads and builds one node that must be a <typeparamref name="T"/> (Expr, Stmt, File, …).</summary>
    public static BuildResult<T> BuildNode<T>(string text, string file = "<zast>", ZastOptions? options = null) where T : Node
    {
        options ??= ZastOptions.Default;
        var read = SExprReader.Read(text, file, options);
        var builder = new ZastBuilder(options);
        builder._diagnostics.AddRange(read.Diagnostics);
        var node = builder.SingleForm(read.Forms, file) is { } form ? builder.Node(form, typeof(T), optional: false, root: true) : null;
        return builder.Result(node as T);
    }

    private BuildResult<T> Result<T>(T? value) where T : class
    {
        var failed = _diagnostics.Any(d => d.Severity == ZastSeverity.Error);
        return new BuildResult<T>(failed ? null : value, _diagnostics);
    }

    private SExpr? SingleForm(IReadOnlyList<SExpr> forms, string file)
    {
        if (forms.Count == 1) return forms[0];
        var location = forms.Count > 1 ? forms[1].Location : new SourceLocation(file, 1, 1);
        Report(ZastDiagnosticCatalog.ExpectedOneForm, location, forms.Count.ToString(CultureInfo.InvariantCulture));
        return null;
    }

    // ---- The root envelope: Program, FileSet, FileInfo (not go/ast nodes, so not in the schema) ----

    private Ast.Program? Program(SExpr form)
    {
        _path.Add(("Program", -1));
        var values = Fields(form, "Program", ProgramFields);
        if (values is null) return null;
        var program = new Ast.Program();
        if (Value(values, 0) is { } fileSetForm)
        {
            _path.Add(("fileset", -1));
            if (FileSet(fileSetForm) is { } fileSet) program.FileSet = _fileSet = fileSet;
            Pop();
        }
        if (Value(values, 1) is { } filesForm)
        {
            _path.Add(("files", -1));
            if (ExpectList(filesForm, "a list of File nodes") is { } files)
            {
                for (var i = 0; i < files.Items.Count; i++)
                {
                    _path.Add((null, i));
                    if (Node(files.Items[i], typeof(File), optional: false) is File file) program.Files.Add(file);
                    Pop();
                }
            }
            Pop();
        }
        return program;
    }

    private FileSet? FileSet(SExpr form)
    {
        var values = Fields(form, "FileSet", FileSetFields);
        if (values is null) return null;
        var declaredBase = Value(values, 0) is { } baseForm ? Int(baseForm, "the file set's base") : null;
        var infos = new List<(SExpr Form, string Name, int Base, int Size, List<int> Lines)>();
        if (Value(values, 1) is { } filesForm && ExpectList(filesForm, "a list of FileInfo forms") is { } files)
        {
            _path.Add(("files", -1));
            for (var i = 0; i < files.Items.Count; i++)
            {
                _path.Add((null, i));
                if (FileInfo(files.Items[i]) is { } info) infos.Add(info);
                Pop();
            }
            Pop();
        }

        // Go's token.NewFileSet starts at base 1; an empty set keeps whatever base it declares.
        var fileSet = new FileSet(infos.Count > 0 ? 1 : declaredBase ?? 1);
        foreach (var (infoForm, name, @base, size, lines) in infos)
        {
            if (@base < fileSet.Base || size < 0)
            {
                Report(ZastDiagnosticCatalog.BadFileBase, infoForm.Location, Str(@base), Str(fileSet.Base));
                continue;
            }
            var tokenFile = fileSet.AddFile(name, @base, size);
            if (!tokenFile.SetLines(lines)) Report(ZastDiagnosticCatalog.BadLineTable, infoForm.Location, Str(size));
        }
        if (declaredBase is { } declared && declared != fileSet.Base)
            Report(ZastDiagnosticCatalog.BadFileSetBase, form.Location, Str(declared), Str(fileSet.Base));
        return fileSet;
    }

    private (SExpr, string, int, int, List<int>)? FileInfo(SExpr form)
    {
        var values = Fields(form, "FileInfo", FileInfoFields);
        if (values is null) return null;
        var name = Value(values, 0) is { } nameForm ? String(nameForm) ?? "" : "";
        var @base = Value(values, 1) is { } baseForm ? Int(baseForm, "a file base") ?? 0 : 0;
        var size = Value(values, 2) is { } sizeForm ? Int(sizeForm, "a file size") ?? 0 : 0;
        var lines = new List<int>();
        if (Value(values, 3) is { } linesForm && ExpectList(linesForm, "a list of line offsets") is { } list)
        {
            foreach (var item in list.Items)
            {
                if (Int(item, "a line offset") is { } offset) lines.Add(offset);
            }
        }
        return (form, name, @base, size, lines);
    }

    // ---- Schema-driven nodes ----

    private Node? Node(SExpr form, Type expected, bool optional, bool root = false)
    {
        if (form is SSymbol { Name: "nil" })
        {
            if (!optional) Report(ZastDiagnosticCatalog.RequiredNodeIsNil, form.Location, TypeName(expected));
            return null;
        }
        if (form is not SList { Items: [SSymbol head, ..] } list)
        {
            Report(ZastDiagnosticCatalog.ExpectedNode, form.Location, TypeName(expected), form.Describe());
            return null;
        }
        if (!ZastSchema.TryGet(head.Name, out var schema))
        {
            Report(ZastDiagnosticCatalog.UnknownNodeType, head.Location, head.Name);
            return null;
        }
        if (!expected.IsAssignableFrom(schema.Type))
        {
            Report(ZastDiagnosticCatalog.WrongNodeType, form.Location, TypeName(expected), schema.Name);
            return null;
        }
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Report(ZastDiagnosticCatalog.TreeTooDeep, form.Location);
            return null;
        }

        if (root) _path.Add((schema.Name, -1));
        var values = Fields(list, schema.Name, schema.FieldNames, schema);
        Node? node = null;
        if (values is not null)
        {
            node = schema.Create();
            for (var i = 0; i < schema.Fields.Count; i++)
            {
                var field = schema.Fields[i];
                _path.Add((field.Name, -1));
                SetField(node, field, values[i]);
                Pop();
            }
            if (node is File file) SharedNodes.Restore(file);
        }
        if (root) Pop();
        return node;
    }

    private void SetField(Node node, FieldSchema field, SExpr? form)
    {
        // Omitted (reported by Fields unless RequireAllFields is off): keep the zero value.
        if (form is null) return;
        switch (field.Kind)
        {
            case FieldKind.Pos:
                if (Int(form, "a position (a non-negative integer)") is { } pos) field.SetValue(node, new Pos(CheckPosition(pos, form)));
                break;
            case FieldKind.Node:
            case FieldKind.OptionalNode:
                field.SetValue(node, Node(form, field.NodeType!, field.Kind == FieldKind.OptionalNode));
                break;
            case FieldKind.NodeList:
                if (ExpectList(form, $"a list of {TypeName(field.NodeType!)}") is { } items)
                {
                    var list = field.GetList(node);
                    for (var i = 0; i < items.Items.Count; i++)
                    {
                        _path.Add((null, i));
                        if (Node(items.Items[i], field.NodeType!, optional: false) is { } item) list.Add(item);
                        Pop();
                    }
                    if (field.NonEmpty && items.Items.Count == 0) Report(ZastDiagnosticCatalog.EmptyList, form.Location, field.Name);
                }
                break;
            case FieldKind.Token:
                if (Token(form, field) is { } token) field.SetValue(node, token);
                break;
            case FieldKind.String:
                if (String(form) is { } text) field.SetValue(node, text);
                break;
            case FieldKind.Bool:
                if (Bool(form) is { } flag) field.SetValue(node, flag);
                break;
            case FieldKind.ChanDir:
                if (ChanDir(form) is { } dir) field.SetValue(node, dir);
                break;
        }
    }

    /// <summary>
    /// Pairs up a form's <c>:keyword value</c> items with the expected field names. Returns the
    /// value form per field (null when omitted), or null when the form is not a <paramref name="typeName"/> form at all.
    /// </summary>
    private SExpr?[]? Fields(SExpr form, string typeName, IReadOnlyList<string> names, NodeSchema? schema = null)
    {
        if (form is not SList { Items: [SSymbol head, ..] } list || head.Name != typeName)
        {
            Report(ZastDiagnosticCatalog.ExpectedNode, form.Location, typeName, form.Describe());
            return null;
        }
        var values = new SExpr?[names.Count];
        var seen = new bool[names.Count];
        var last = -1;
        for (var i = 1; i < list.Items.Count; i += 2)
        {
            var item = list.Items[i];
            if (item is not SKeyword keyword)
            {
                Report(ZastDiagnosticCatalog.ExpectedKeyword, item.Location, names[Math.Min(last + 1, names.Count - 1)], item.Describe());
                i--; // resynchronise on the next item
                continue;
            }
            // Canonical text lists fields in order, so the next expected name is almost always right.
            var index = last + 1 < names.Count && names[last + 1] == keyword.Name ? last + 1 : IndexOf(names, keyword.Name);
            if (index < 0)
            {
                Report(ZastDiagnosticCatalog.UnknownField, keyword.Location, typeName, keyword.Name, string.Join(' ', names.Select(n => ":" + n)));
                continue;
            }
            if (seen[index])
            {
                Report(ZastDiagnosticCatalog.DuplicateField, keyword.Location, keyword.Name);
                continue;
            }
            if (index < last)
                Report(ZastDiagnosticCatalog.FieldOutOfOrder, keyword.Location, keyword.Name, string.Join(' ', names.Select(n => ":" + n)));
            seen[index] = true;
            last = Math.Max(last, index);
            if (i + 1 >= list.Items.Count)
            {
                Report(ZastDiagnosticCatalog.MissingValue, keyword.Location, keyword.Name);
                continue;
            }
            values[index] = list.Items[i + 1];
        }
        for (var i = 0; i < names.Count; i++)
        {
            if (seen[i]) continue;
            var required = schema is not null && schema.Fields[i].Kind == FieldKind.Node;
            if (_options.RequireAllFields || required) Report(ZastDiagnosticCatalog.MissingField, form.Location, typeName, names[i]);
        }
        return values;
    }

    private static SExpr? Value(SExpr?[] values, int index) => values[index];

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name) return i;
        }
        return -1;
    }

    // ---- Atoms ----

    private SList? ExpectList(SExpr form, string what)
    {
        if (form is SList list) return list;
        Report(ZastDiagnosticCatalog.ExpectedValue, form.Location, what, form.Describe());
        return null;
    }

    private int? Int(SExpr form, string what)
    {
        if (form is SInteger { Value: >= 0 and <= int.MaxValue } integer) return (int)integer.Value;
        Report(ZastDiagnosticCatalog.ExpectedValue, form.Location, what, form.Describe());
        return null;
    }

    private int CheckPosition(int pos, SExpr form)
    {
        if (pos != 0 && _fileSet is not null && _fileSet.File(new Pos(pos)) is null)
            Report(ZastDiagnosticCatalog.PositionOutsideFileSet, form.Location, Str(pos));
        return pos;
    }

    private string? String(SExpr form)
    {
        if (form is SString text) return text.Value;
        Report(ZastDiagnosticCatalog.ExpectedValue, form.Location, "a string", form.Describe());
        return null;
    }

    private bool? Bool(SExpr form)
    {
        if (form is SSymbol { Name: "true" or "false" } symbol) return symbol.Name == "true";
        Report(ZastDiagnosticCatalog.ExpectedValue, form.Location, "true or false", form.Describe());
        return null;
    }

    private Token? Token(SExpr form, FieldSchema field)
    {
        if (form is not SSymbol symbol)
        {
            Report(ZastDiagnosticCatalog.ExpectedValue, form.Location, "a token name", form.Describe());
            return null;
        }
        if (!TokenInfo.TryParseGoName(symbol.Name, out var token))
        {
            Report(ZastDiagnosticCatalog.UnknownToken, form.Location, symbol.Name);
            return null;
        }
        if (field.AllowedTokens is { } allowed && !allowed.Contains(token))
        {
            var names = string.Join(' ', allowed.OrderBy(t => t).Select(t => t.GoName()));
            Report(ZastDiagnosticCatalog.TokenNotAllowed, form.Location, symbol.Name, names);
            return null;
        }
        return token;
    }

    private ChanDir? ChanDir(SExpr form)
    {
        switch (form)
        {
            case SSymbol { Name: "SEND" }: return Ast.ChanDir.Send;
            case SSymbol { Name: "RECV" }: return Ast.ChanDir.Recv;
            case SList { Items: [SSymbol { Name: "SEND" }, SSymbol { Name: "RECV" }] }: return Ast.ChanDir.Send | Ast.ChanDir.Recv;
            default:
                Report(ZastDiagnosticCatalog.ExpectedValue, form.Location, "a channel direction: SEND, RECV or (SEND RECV)", form.Describe());
                return null;
        }
    }

    // ---- Diagnostics ----

    private void Pop() => _path.RemoveAt(_path.Count - 1);

    /// <summary>The current tree path; very deep paths keep their first and last segments.</summary>
    private string Path()
    {
        const int Kept = 12;
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < _path.Count; i++)
        {
            if (_path.Count > 3 * Kept && i == Kept)
            {
                sb.Append(CultureInfo.InvariantCulture, $"…({_path.Count - 2 * Kept} more)…");
                i = _path.Count - Kept;
            }
            var (field, index) = _path[i];
            if (field is null) sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            else if (sb.Length == 0) sb.Append(field);
            else sb.Append('.').Append(field);
        }
        return sb.ToString();
    }

    private static string TypeName(Type type) => type.Name;

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Report(string id, SourceLocation location, params string[] args)
    {
        if (_errors == _options.MaxDiagnostics)
        {
            _diagnostics.Add(new ZastDiagnostic(ZastDiagnosticCatalog.TooManyDiagnostics, ZastSeverity.Error, location, "", [Str(_errors)]));
        }
        if (_errors++ >= _options.MaxDiagnostics) return;
        _diagnostics.Add(new ZastDiagnostic(id, ZastSeverity.Error, location, Path(), args));
    }
}

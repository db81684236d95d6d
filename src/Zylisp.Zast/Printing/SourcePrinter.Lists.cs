using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

// Line breaks and comma-separated lists: where the source broke a list across lines, the output
// does too, and alignment sections are cut where element sizes change abruptly.
internal sealed partial class SourcePrinter
{
    [Flags]
    private enum ListMode
    {
        None = 0,
        CommaTerm = 1,   // the list may be terminated by a comma
        NoIndent = 2,    // no extra indentation for a multi-line list
    }

    private enum ParamMode { FuncParam, FuncTypeParam, TypeTypeParam }

    private const string FilteredMessage = "contains filtered or unexported fields";

    /// <summary>
    /// Prints as many line breaks as the source had before <paramref name="line"/> (at most two, at
    /// least <paramref name="min"/>), preceded by <paramref name="ws"/>; the first one is a form feed
    /// when <paramref name="newSection"/>. Returns the number of breaks printed.
    /// </summary>
    private int Linebreak(int line, int min, Whitespace ws, bool newSection)
    {
        var n = Math.Max(LimitNewlines(line - _pos.Line), min);
        var breaks = 0;
        if (n > 0)
        {
            Print(ws);
            if (newSection)
            {
                Print(Whitespace.Formfeed);
                n--;
                breaks = 2;
            }
            breaks += n;
            for (; n > 0; n--) Print(Whitespace.Newline);
        }
        return breaks;
    }

    private void IdentList(List<Ident> list, bool indent)
    {
        var exprs = new List<Expr>(list.Count);
        exprs.AddRange(list);
        ExprList(Pos.NoPos, exprs, 1, indent ? ListMode.None : ListMode.NoIndent, Pos.NoPos, false);
    }

    /// <summary>
    /// Prints a comma-separated list. <paramref name="prev0"/> and <paramref name="next0"/> are the
    /// positions of the tokens around it, used to decide whether it spans lines in the source.
    /// </summary>
    private void ExprList(Pos prev0, List<Expr> list, int depth, ListMode mode, Pos next0, bool isIncomplete)
    {
        if (list.Count == 0)
        {
            if (isIncomplete)
            {
                var prevLoc = PosFor(prev0);
                var nextLoc = PosFor(next0);
                if (prevLoc.IsValid && prevLoc.Line == nextLoc.Line)
                {
                    Print("/* " + FilteredMessage + " */");
                }
                else
                {
                    Print(Whitespace.Newline);
                    Print(Whitespace.Indent, "// " + FilteredMessage, Whitespace.Unindent, Whitespace.Newline);
                }
            }
            return;
        }

        var prev = PosFor(prev0);
        var next = PosFor(next0);
        var line = LineFor(list[0].Pos);
        var endLine = LineFor(list[^1].End);

        if (prev.IsValid && prev.Line == line && line == endLine)
        {
            // The whole list is on one line with the token before it.
            for (var i = 0; i < list.Count; i++)
            {
                if (i > 0) Print(list[i].Pos, Token.Comma, Whitespace.Blank);
                Expr0(list[i], depth);
            }
            if (isIncomplete) Print(Token.Comma, Whitespace.Blank, "/* " + FilteredMessage + " */");
            return;
        }

        // The list spans several lines: indent it once, at the first line break.
        var ws = (mode & ListMode.NoIndent) == 0 ? Whitespace.Indent : Whitespace.Ignore;
        var prevBreak = -1; // index of the last element followed by a line break
        if (prev.IsValid && prev.Line < line && Linebreak(line, 0, ws, true) > 0)
        {
            ws = Whitespace.Ignore;
            prevBreak = 0;
        }

        var size = 0;
        // Geometric mean of the element sizes on the current run of lines: an element much
        // larger or smaller than its neighbours starts a new alignment section.
        var lnSum = 0.0;
        var count = 0;
        var prevLine = prev.Line;
        for (var i = 0; i < list.Count; i++)
        {
            var x = list[i];
            line = LineFor(x.Pos);

            var useFormfeed = true;
            var prevSize = size;
            const int infinity = 1_000_000; // larger than any source line
            size = NodeSize(x, infinity);
            var pair = x as KeyValueExpr;
            if (size <= infinity && prev.IsValid && next.IsValid)
            {
                if (pair is not null) size = NodeSize(pair.Key, infinity);
            }
            else
            {
                size = 0;
            }

            if (prevSize > 0 && size > 0)
            {
                const int smallSize = 40;
                if (count == 0 || (prevSize <= smallSize && size <= smallSize))
                {
                    useFormfeed = false;
                }
                else
                {
                    const double threshold = 2.5;
                    var geomean = Math.Exp(lnSum / count);
                    var ratio = size / geomean;
                    useFormfeed = threshold * ratio <= 1 || threshold <= ratio;
                }
            }

            var needsLinebreak = 0 < prevLine && prevLine < line;
            if (i > 0)
            {
                if (!needsLinebreak) Print(x.Pos);
                Print(Token.Comma);
                var needsBlank = true;
                if (needsLinebreak)
                {
                    var breaks = Linebreak(line, 0, ws, useFormfeed || prevBreak + 1 < i);
                    if (breaks > 0)
                    {
                        ws = Whitespace.Ignore;
                        prevBreak = i;
                        needsBlank = false;
                    }
                    if (breaks > 1)
                    {
                        lnSum = 0;
                        count = 0;
                    }
                }
                if (needsBlank) Print(Whitespace.Blank);
            }

            if (list.Count > 1 && pair is not null && size > 0 && needsLinebreak)
            {
                // Align the values of key: value pairs on consecutive lines.
                Expr(pair.Key);
                Print(pair.Colon, Token.Colon, Whitespace.Vtab);
                Expr(pair.Value);
            }
            else
            {
                Expr0(x, depth);
            }

            if (size > 0)
            {
                lnSum += Math.Log(size);
                count++;
            }
            prevLine = line;
        }

        if ((mode & ListMode.CommaTerm) != 0 && next.IsValid && _pos.Line < next.Line)
        {
            // The closing token is on a later line: a trailing comma is required.
            Print(Token.Comma);
            if (isIncomplete)
            {
                Print(Whitespace.Newline);
                Print("// " + FilteredMessage);
            }
            if (ws == Whitespace.Ignore && (mode & ListMode.NoIndent) == 0) Print(Whitespace.Unindent);
            Print(Whitespace.Formfeed);
            return;
        }

        if (isIncomplete)
        {
            Print(Token.Comma, Whitespace.Newline);
            Print("// " + FilteredMessage, Whitespace.Newline);
        }

        if (ws == Whitespace.Ignore && (mode & ListMode.NoIndent) == 0) Print(Whitespace.Unindent);
    }

    private void Parameters(FieldList fields, ParamMode mode)
    {
        var (open, close) = mode == ParamMode.FuncParam ? (Token.LParen, Token.RParen) : (Token.LBrack, Token.RBrack);
        Print(fields.Opening, open);
        if (fields.List.Count > 0)
        {
            var prevLine = LineFor(fields.Opening);
            var ws = Whitespace.Indent;
            for (var i = 0; i < fields.List.Count; i++)
            {
                var par = fields.List[i];
                var parLineBeg = LineFor(par.Pos);
                var parLineEnd = LineFor(par.End);
                var needsLinebreak = 0 < prevLine && prevLine < parLineBeg;
                if (i > 0)
                {
                    if (!needsLinebreak) Print(par.Pos);
                    Print(Token.Comma);
                }
                if (needsLinebreak && Linebreak(parLineBeg, 0, ws, true) > 0)
                {
                    ws = Whitespace.Ignore;
                }
                else if (i > 0)
                {
                    Print(Whitespace.Blank);
                }
                if (par.Names.Count > 0)
                {
                    IdentList(par.Names, ws == Whitespace.Indent);
                    Print(Whitespace.Blank);
                }
                Expr(StripParensAlways(par.Type!));
                prevLine = parLineEnd;
            }

            var closing = LineFor(fields.Closing);
            if (0 < prevLine && prevLine < closing)
            {
                Print(Token.Comma);
                Linebreak(closing, 0, Whitespace.Ignore, true);
            }
            else if (mode == ParamMode.TypeTypeParam && fields.NumFields() == 1 && CombinesWithName(fields.List[0].Type!))
            {
                // type T[P *C] would parse as an array type declaration: type T[P, *C].
                Print(Token.Comma);
            }

            if (ws == Whitespace.Ignore) Print(Whitespace.Unindent);
        }
        Print(fields.Closing, close);
    }

    /// <summary>Whether <c>type T[P x]</c> could be misread as an array length expression <c>P x</c>.</summary>
    private static bool CombinesWithName(Expr x) => x switch
    {
        StarExpr star => !IsTypeElem(star.X),
        BinaryExpr binary => CombinesWithName(binary.X) && !IsTypeElem(binary.Y),
        _ => false,
    };

    private static bool IsTypeElem(Expr x) => x switch
    {
        ArrayType or StructType or FuncType or InterfaceType or MapType or ChanType => true,
        UnaryExpr unary => unary.Op == Token.Tilde,
        BinaryExpr binary => IsTypeElem(binary.X) || IsTypeElem(binary.Y),
        ParenExpr paren => IsTypeElem(paren.X),
        _ => false,
    };

    private void Signature(FuncType sig)
    {
        if (sig.TypeParams is not null) Parameters(sig.TypeParams, ParamMode.FuncTypeParam);
        Parameters(sig.Params, ParamMode.FuncParam);
        var results = sig.Results;
        var n = results?.NumFields() ?? 0;
        if (n > 0)
        {
            Print(Whitespace.Blank);
            if (n == 1 && results!.List[0].Names.Count == 0)
            {
                // A single unnamed result needs no parentheses.
                Expr(StripParensAlways(results.List[0].Type!));
                return;
            }
            Parameters(results!, ParamMode.FuncParam);
        }
    }

    private static int IdentListSize(List<Ident> list, int maxSize)
    {
        var size = 0;
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0) size += 2; // ", "
            size += RuneCount(list[i].Name);
            if (size >= maxSize) break;
        }
        return size;
    }

    private static int RuneCount(string s)
    {
        var count = 0;
        foreach (var _ in s.EnumerateRunes()) count++;
        return count;
    }

    private bool IsOneLineFieldList(List<Field> list)
    {
        if (list.Count != 1) return false;
        var field = list[0];
        if (field.Tag is not null || field.Comment is not null) return false;
        const int maxSize = 30;
        var namesSize = IdentListSize(field.Names, maxSize);
        if (namesSize > 0) namesSize = 1; // only the blank between names and type counts
        var typeSize = NodeSize(field.Type!, maxSize);
        return namesSize + typeSize <= maxSize;
    }

    private void SetLineComment(string text) =>
        SetTrailingComment(new CommentGroup { List = [new Comment { Slash = Pos.NoPos, Text = text }] });

    private void FieldList(FieldList fields, bool isStruct, bool isIncomplete)
    {
        var lbrace = fields.Opening;
        var list = fields.List;
        var rbrace = fields.Closing;
        var hasComments = isIncomplete || CommentBefore(PosFor(rbrace));
        var srcIsOneLine = lbrace.IsValid && rbrace.IsValid && LineFor(lbrace) == LineFor(rbrace);

        if (!hasComments && srcIsOneLine)
        {
            if (list.Count == 0)
            {
                Print(lbrace, Token.LBrace, rbrace, Token.RBrace);
                return;
            }
            if (IsOneLineFieldList(list))
            {
                // A single small field stays on one line: struct{ x int }.
                Print(lbrace, Token.LBrace, Whitespace.Blank);
                var field = list[0];
                if (isStruct)
                {
                    for (var i = 0; i < field.Names.Count; i++)
                    {
                        if (i > 0) Print(Token.Comma, Whitespace.Blank);
                        Expr(field.Names[i]);
                    }
                    if (field.Names.Count > 0) Print(Whitespace.Blank);
                    Expr(field.Type!);
                }
                else if (field.Names.Count > 0 && field.Type is FuncType method)
                {
                    Expr(field.Names[0]);
                    Signature(method); // no "func" keyword for a method
                }
                else
                {
                    Expr(field.Type!);
                }
                Print(Whitespace.Blank, rbrace, Token.RBrace);
                return;
            }
        }

        Print(Whitespace.Blank, lbrace, Token.LBrace, Whitespace.Indent);
        if (hasComments || list.Count > 0) Print(Whitespace.Formfeed);

        if (isStruct)
        {
            // Names, types, tags and comments each get their own column (cells separated by
            // vtabs), so consecutive fields align.
            var sep = list.Count == 1 ? Whitespace.Blank : Whitespace.Vtab;
            var line = new LineRecord();
            for (var i = 0; i < list.Count; i++)
            {
                var field = list[i];
                if (i > 0) Linebreak(LineFor(field.Pos), 1, Whitespace.Ignore, LinesFrom(line) > 0);
                var extraTabs = 0;
                SetDocComment(field.Doc);
                RecordLine(line);
                if (field.Names.Count > 0)
                {
                    IdentList(field.Names, false);
                    Print(sep);
                    Expr(field.Type!);
                    extraTabs = 1;
                }
                else
                {
                    Expr(field.Type!); // embedded field
                    extraTabs = 2;
                }
                if (field.Tag is not null)
                {
                    if (field.Names.Count > 0 && sep == Whitespace.Vtab) Print(sep);
                    Print(sep);
                    Expr(field.Tag);
                    extraTabs = 0;
                }
                if (field.Comment is not null)
                {
                    for (; extraTabs > 0; extraTabs--) Print(sep);
                    SetTrailingComment(field.Comment);
                }
            }
            if (isIncomplete)
            {
                if (list.Count > 0) Print(Whitespace.Formfeed);
                Flush(PosFor(rbrace), Token.RBrace); // do not lose the last line comment
                SetLineComment("// " + FilteredMessage);
            }
        }
        else
        {
            var line = new LineRecord();
            for (var i = 0; i < list.Count; i++)
            {
                var field = list[i];
                if (i > 0) Linebreak(LineFor(field.Pos), 1, Whitespace.Ignore, LinesFrom(line) > 0);
                SetDocComment(field.Doc);
                RecordLine(line);
                if (field.Names.Count > 0 && field.Type is FuncType method)
                {
                    Expr(field.Names[0]);
                    Signature(method);
                }
                else
                {
                    Expr(field.Type!); // embedded interface or type constraint
                }
                SetTrailingComment(field.Comment);
            }
            if (isIncomplete)
            {
                if (list.Count > 0) Print(Whitespace.Formfeed);
                Flush(PosFor(rbrace), Token.RBrace);
                SetLineComment("// contains filtered or unexported methods");
            }
        }
        Print(Whitespace.Unindent, Whitespace.Formfeed, rbrace, Token.RBrace);
    }
}

using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Printing;

// Comment interleaving: comments are not part of the node tree the printer walks, so before each
// item is written, every comment that precedes it in the source is written first, with the
// pending white space adjusted around it (go/printer's intersperseComments).
internal sealed partial class SourcePrinter
{
    private struct CommentInfo
    {
        public int Index;               // next comment group to consider
        public CommentGroup? Comment;   // the pending comment group
        public int CommentOffset;       // its source offset, or Infinity
        public bool CommentNewline;     // whether it spans several lines or contains a //-comment
        public bool IsTrailing;         // a node's line comment (Field.Comment etc.), not a doc comment
    }

    private List<CommentGroup>? _comments;
    private bool _useNodeComments;
    private CommentInfo _commentInfo;
    // Node comment groups set as line comments; a pending group keeps its kind while the next is queued.
    private readonly HashSet<CommentGroup> _trailingGroups = new(ReferenceEqualityComparer.Instance);

    private bool CommentsHaveNewline(List<Comment> list)
    {
        var line = LineFor(list[0].Pos);
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0 && LineFor(list[i].Pos) != line) return true;
            var text = list[i].Text;
            if (text.Length >= 2 && (text[1] == '/' || text.Contains('\n'))) return true;
        }
        return false;
    }

    private void NextComment()
    {
        while (_comments is not null && _commentInfo.Index < _comments.Count)
        {
            var group = _comments[_commentInfo.Index];
            _commentInfo.Index++;
            if (group.List.Count > 0)
            {
                _commentInfo.Comment = group;
                _commentInfo.IsTrailing = _trailingGroups.Contains(group);
                // A comment without a position (a generated tree's) is due before whatever comes next.
                var start = PosFor(group.List[0].Pos);
                _commentInfo.CommentOffset = start.IsValid ? start.Offset : -1;
                _commentInfo.CommentNewline = CommentsHaveNewline(group.List);
                return;
            }
        }
        _commentInfo.CommentOffset = Infinity;
    }

    /// <summary>
    /// Whether a comment comes before <paramref name="next"/>. A comment containing line breaks
    /// is held back while a line break would insert a semicolon.
    /// </summary>
    private bool CommentBefore(Loc next) =>
        _commentInfo.CommentOffset < next.Offset && (!_impliedSemi || !_commentInfo.CommentNewline);

    /// <summary>The total text size of the comments before <paramref name="next"/>, without consuming them.</summary>
    private int CommentSizeBefore(Loc next)
    {
        var saved = _commentInfo;
        var size = 0;
        while (CommentBefore(next))
        {
            foreach (var comment in _commentInfo.Comment!.List) size += System.Text.Encoding.UTF8.GetByteCount(comment.Text);
            NextComment();
        }
        _commentInfo = saved;
        return size;
    }

    private void SetDocComment(CommentGroup? group) => SetComment(group, trailing: false);

    private void SetTrailingComment(CommentGroup? group) => SetComment(group, trailing: true);

    /// <summary>Makes a node's own comment group (doc or line comment) the next one to print, when printing without a file's comment list.</summary>
    private void SetComment(CommentGroup? group, bool trailing)
    {
        if (group is null || !_useNodeComments || group.List.Count == 0) return;
        if (_comments is null)
        {
            _comments = [group];
        }
        else
        {
            if (_commentInfo.Index < _comments.Count)
            {
                // A comment is still pending (this should not happen): print it before replacing it.
                Flush(PosFor(group.List[0].Pos), Token.Illegal);
            }
            _comments.Clear();
            _comments.Add(group);
        }
        if (trailing) _trailingGroups.Add(group);
        _commentInfo.Index = 0;
        if (_commentInfo.CommentOffset == Infinity) NextComment();
    }

    private void WriteCommentPrefix(Loc pos, Loc next, Comment? prev, Token tok, bool firstInGroup)
    {
        if (_output.Length == 0) return; // the first comment of a file needs no separation

        if (!pos.IsValid)
        {
            WritePositionlessCommentPrefix(firstInGroup);
            return;
        }

        if (pos.IsValid && pos.File != _last.File)
        {
            WriteByte((byte)'\f', MaxNewlines);
            return;
        }

        if (pos.Line == _last.Line && (prev is null || prev.Text[1] != '/'))
        {
            // The comment is on the same line as the last item: separate it with a tab (or a
            // blank before a following item on the same line), unless a vtab is pending.
            var hasSeparator = false;
            if (prev is null)
            {
                var j = 0;
                for (var i = 0; i < _wsbuf.Count; i++)
                {
                    var ch = _wsbuf[i];
                    if (ch == Whitespace.Blank)
                    {
                        _wsbuf[i] = Whitespace.Ignore;
                        continue;
                    }
                    if (ch == Whitespace.Vtab)
                    {
                        hasSeparator = true;
                        continue;
                    }
                    if (ch == Whitespace.Indent) continue;
                    j = i;
                    break;
                }
                WriteWhitespace(j);
            }
            if (!hasSeparator) WriteByte(pos.Line == next.Line ? (byte)' ' : (byte)'\t', 1);
        }
        else
        {
            // The comment starts on a later line than the last item.
            var droppedLinebreak = false;
            var j = 0;
            for (var i = 0; i < _wsbuf.Count; i++)
            {
                var ch = _wsbuf[i];
                if (ch is Whitespace.Blank or Whitespace.Vtab)
                {
                    _wsbuf[i] = Whitespace.Ignore;
                    continue;
                }
                if (ch == Whitespace.Indent) continue;
                if (ch == Whitespace.Unindent)
                {
                    // Keep an unindent pending when it is followed by another one (the comment
                    // belongs to the inner block) or when the comment is aligned with the next item.
                    if (i + 1 < _wsbuf.Count && _wsbuf[i + 1] == Whitespace.Unindent) continue;
                    if (tok != Token.RBrace && pos.Column == next.Column) continue;
                }
                else if (ch is Whitespace.Newline or Whitespace.Formfeed)
                {
                    _wsbuf[i] = Whitespace.Ignore;
                    droppedLinebreak = prev is null;
                }
                j = i;
                break;
            }
            WriteWhitespace(j);

            var n = 0;
            if (pos.IsValid && _last.IsValid) n = Math.Max(0, pos.Line - _last.Line);
            // At the top level, a dropped line break must be made up for, to separate declarations.
            if (_indent == 0 && droppedLinebreak) n++;
            // A //-comment must be followed by a line break.
            if (n == 0 && prev is not null && prev.Text[1] == '/') n = 1;
            if (n > 0) WriteByte((byte)'\f', LimitNewlines(n));
        }
    }

    /// <summary>
    /// go/printer places comments by their source lines, so a comment without a position (a
    /// generated tree's) would be glued to its neighbours. Instead, a trailing comment goes at
    /// the end of the current line (after any pending alignment tabs), a doc comment on its own
    /// lines where the next item would start, and every further comment of a group on a new line.
    /// </summary>
    private void WritePositionlessCommentPrefix(bool firstInGroup)
    {
        if (!firstInGroup)
        {
            WriteByte((byte)'\f', 1);
            return;
        }
        if (_commentInfo.IsTrailing)
        {
            var hasSeparator = false;
            var j = 0;
            for (; j < _wsbuf.Count; j++)
            {
                var ch = _wsbuf[j];
                if (ch == Whitespace.Blank) _wsbuf[j] = Whitespace.Ignore;
                else if (ch == Whitespace.Vtab) hasSeparator = true;
                else if (ch != Whitespace.Indent) break;
            }
            WriteWhitespace(j);
            if (!hasSeparator) WriteByte((byte)'\t', 1);
            return;
        }
        var breaks = 0;
        var first = -1;
        for (var i = 0; i < _wsbuf.Count; i++)
        {
            var ch = _wsbuf[i];
            if (ch is Whitespace.Blank or Whitespace.Vtab)
            {
                _wsbuf[i] = Whitespace.Ignore;
            }
            else if (ch is Whitespace.Newline or Whitespace.Formfeed)
            {
                breaks++;
                if (first < 0) first = i;
                _wsbuf[i] = Whitespace.Ignore;
            }
        }
        // Indentation changes before the first line break apply to the comment's line too.
        WriteWhitespace(first < 0 ? _wsbuf.Count : first);
        if (_out.Column != 1 || breaks > 0) WriteByte((byte)'\f', LimitNewlines(Math.Max(1, breaks)));
    }

    private void WriteComment(Comment comment)
    {
        var text = comment.Text;
        var pos = PosFor(comment.Pos);
        var savedIndent = _indent;
        // A //line directive at the start of a line must stay there to keep its meaning.
        var isLineDirective = text.StartsWith("//line ", StringComparison.Ordinal) && (!pos.IsValid || pos.Column == 1);
        if (isLineDirective) _indent = 0;
        try
        {
            if (text.Length >= 2 && text[1] == '/')
            {
                WriteString(pos, text.TrimEnd(), true);
                return;
            }

            // A /*-style comment: realign its lines to the current indentation.
            var lines = text.Split('\n');
            if (pos.IsValid && pos.Column == 1 && _indent > 0)
            {
                // The comment starts at column 1 but is indented in the output: pretend its
                // continuation lines were indented too so common-prefix stripping stays sane.
                for (var i = 1; i < lines.Length; i++) lines[i] = "   " + lines[i];
            }
            CommentPrefix.StripCommon(lines);
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    WriteByte((byte)'\f', 1);
                    pos = _pos;
                }
                if (lines[i].Length > 0) WriteString(pos, lines[i].TrimEnd(), true);
            }
        }
        finally
        {
            if (isLineDirective) _indent = savedIndent;
        }
    }

    private (bool WroteNewline, bool DroppedFormfeed) WriteCommentSuffix(bool needsLinebreak)
    {
        var wroteNewline = false;
        var droppedFormfeed = false;
        for (var i = 0; i < _wsbuf.Count; i++)
        {
            switch (_wsbuf[i])
            {
                case Whitespace.Blank or Whitespace.Vtab:
                    _wsbuf[i] = Whitespace.Ignore; // the comment already separates
                    break;
                case Whitespace.Indent or Whitespace.Unindent:
                    break;
                case Whitespace.Newline or Whitespace.Formfeed:
                    if (needsLinebreak)
                    {
                        needsLinebreak = false;
                        wroteNewline = true;
                    }
                    else
                    {
                        if (_wsbuf[i] == Whitespace.Formfeed) droppedFormfeed = true;
                        _wsbuf[i] = Whitespace.Ignore;
                    }
                    break;
            }
        }
        WriteWhitespace(_wsbuf.Count);
        if (needsLinebreak)
        {
            WriteByte((byte)'\n', 1);
            wroteNewline = true;
        }
        return (wroteNewline, droppedFormfeed);
    }

    private (bool WroteNewline, bool DroppedFormfeed) WritePositionlessCommentSuffix(bool needsLinebreak)
    {
        var wroteNewline = false;
        for (var i = 0; i < _wsbuf.Count; i++)
        {
            switch (_wsbuf[i])
            {
                case Whitespace.Blank or Whitespace.Vtab:
                    _wsbuf[i] = Whitespace.Ignore;
                    break;
                case Whitespace.Newline or Whitespace.Formfeed:
                    wroteNewline = true;
                    break;
            }
        }
        WriteWhitespace(_wsbuf.Count);
        if (needsLinebreak && !wroteNewline)
        {
            WriteByte((byte)'\n', 1);
            wroteNewline = true;
        }
        return (wroteNewline, false);
    }

    private bool ContainsLinebreak()
    {
        for (var i = 0; i < _wsbuf.Count; i++)
        {
            if (_wsbuf[i] is Whitespace.Newline or Whitespace.Formfeed) return true;
        }
        return false;
    }

    private (bool WroteNewline, bool DroppedFormfeed) IntersperseComments(Loc next, Token tok)
    {
        Comment? last = null;
        var lastIsTrailing = false;
        while (CommentBefore(next))
        {
            var group = _commentInfo.Comment!;
            lastIsTrailing = _commentInfo.IsTrailing;
            // gofmt reformats doc comments (a group starting in column 1 directly above the next
            // item); this printer keeps their text, which is already canonical in gofmt-clean
            // input, but positions the output after them the way the reformatting path does.
            var isDocComment = _lastTok != Token.Import
                && PosFor(group.Pos).Column == 1
                && IsSameLoc(PosFor(group.End + 1), next);
            foreach (var comment in group.List)
            {
                WriteCommentPrefix(PosFor(comment.Pos), next, last, tok, comment == group.List[0]);
                WriteComment(comment);
                last = comment;
            }
            if (isDocComment)
            {
                _pos = PosFor(group.List[^1].End);
                _last = _pos;
            }
            NextComment();
        }

        if (last is not null)
        {
            var needsLinebreak = false;
            if (!PosFor(last.Pos).IsValid)
            {
                // Without positions: a doc comment is always followed by a line break; a
                // trailing /*-comment by whatever break was pending, else a blank. Pending line
                // breaks are all kept: without positions nothing else would restore them.
                needsLinebreak = !lastIsTrailing || last.Text[1] == '/' || ContainsLinebreak() || tok == Token.Eof;
                if (!needsLinebreak && tok is not (Token.Comma or Token.RParen or Token.RBrack)) WriteByte((byte)' ', 1);
                return WritePositionlessCommentSuffix(needsLinebreak);
            }
            if ((_mode & CommentMode.NoExtraBlank) == 0
                && last.Text[1] == '*' && LineFor(last.Pos) == next.Line
                && tok != Token.Comma
                && (tok != Token.RParen || _prevOpen == Token.LParen)
                && (tok != Token.RBrack || _prevOpen == Token.LBrack))
            {
                // A /*-style comment on the line of the next item needs a separating blank, or a
                // line break if one is pending anyway.
                if (ContainsLinebreak() && (_mode & CommentMode.NoExtraLinebreak) == 0 && _level == 0)
                {
                    needsLinebreak = true;
                }
                else
                {
                    WriteByte((byte)' ', 1);
                }
            }
            if (last.Text[1] == '/' || tok == Token.Eof || (tok == Token.RBrace && (_mode & CommentMode.NoExtraLinebreak) == 0))
            {
                needsLinebreak = true;
            }
            return WriteCommentSuffix(needsLinebreak);
        }
        WriteWhitespace(_wsbuf.Count);
        return (false, false);
    }

    private static bool IsSameLoc(Loc a, Loc b) =>
        a.File == b.File && a.Offset == b.Offset && a.Line == b.Line && a.Column == b.Column;
}

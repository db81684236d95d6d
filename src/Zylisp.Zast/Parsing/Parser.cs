using System.Runtime.CompilerServices;
using Zylisp.Zast.Ast;

namespace Zylisp.Zast.Parsing;

/// <summary>
/// The state of one parse and the token-level machinery every grammar rule uses: advancing with
/// comment grouping, <c>expect</c>, error reporting and recovery, all as go/parser (Go 1.22) does
/// them. The grammar rules live in the other <c>Parser.*.cs</c> files.
/// </summary>
internal sealed partial class Parser
{
    private readonly GoScanner _scanner;
    private readonly TokenFile _file;
    private readonly GoParserOptions _options;
    private readonly int _base;
    private readonly List<GoSyntaxError> _errors = [];

    // The current token.
    private Pos _pos;
    private Token _tok;
    private string? _lit;
    private int _line;

    // Comments.
    private readonly List<CommentGroup> _comments = [];
    private CommentGroup? _leadComment; // the doc comment of the current token, if any
    private CommentGroup? _lineComment; // the comment ending the previous token's line, if any
    private bool _top = true;          // no non-comment token seen yet
    private string _goVersion = "";

    // Context.
    private int _exprLev;   // < 0: in control clause, >= 0: in expression
    private bool _inRhs;    // parsing the right-hand side of an assignment
    private int _nestLev;

    // Error recovery (see Advance).
    private Pos _syncPos;
    private int _syncCnt;

    private readonly List<ImportSpec> _imports = [];

    public Parser(TokenFile file, byte[] src, GoParserOptions options)
    {
        _file = file;
        _base = file.Base;
        _options = options;
        _scanner = new GoScanner(file, src, new NameTable(), (offset, message) => AddError(PosAt(offset), message));
        Next();
    }

    public List<GoSyntaxError> Errors => _errors;

    private Pos PosAt(int offset) => new(_base + offset);

    /// <summary>Thrown to abandon a parse (too many errors, too deep); caught in <see cref="ParseFileOrNull"/>.</summary>
    private sealed class Bailout : Exception;

    // ---- errors ----

    private void AddError(Pos pos, string message) => _errors.Add(new GoSyntaxError(_file.Position(pos), message));

    private void Error(Pos pos, string message)
    {
        var position = _file.Position(pos);
        if (!_options.AllErrors)
        {
            // Drop errors on the line of the last one (likely spurious) and stop after ten.
            var n = _errors.Count;
            if (n > 0 && _errors[n - 1].Position.Line == position.Line) return;
            if (n > 10) throw new Bailout();
        }
        _errors.Add(new GoSyntaxError(position, message));
    }

    private void ErrorExpected(Pos pos, string message)
    {
        message = "expected " + message;
        if (pos == _pos)
        {
            // the error happened at the current token: say what was found
            if (_tok == Token.Semicolon && _lit == "\n") message += ", found newline";
            else if (_tok.IsLiteral()) message += ", found " + _lit;
            else message += ", found '" + _tok.Text() + "'";
        }
        Error(pos, message);
    }

    // ---- tokens and comments ----

    /// <summary>Advances to the next non-comment token (go/parser's next0), noting //go:build lines at the top.</summary>
    private void Next0()
    {
        _scanner.Scan();
        _tok = _scanner.Tok;
        _pos = PosAt(_scanner.TokOffset);
        _lit = _scanner.Lit;
        _line = _scanner.TokLine;
        if (_tok == Token.Comment)
        {
            if (_top && _lit!.StartsWith("//go:build", StringComparison.Ordinal))
            {
                var version = BuildConstraint.GoVersionOf(_lit);
                if (version is not null) _goVersion = version;
            }
        }
        else
        {
            _top = false;
        }
    }

    /// <summary>
    /// Advances to the next token, grouping the comments passed on the way: a group on the
    /// previous token's line becomes the line comment, and a group ending on the line just before
    /// the next token becomes its lead (doc) comment.
    /// </summary>
    private void Next()
    {
        _leadComment = null;
        _lineComment = null;
        var prevLine = _line;
        Next0();

        if (_tok != Token.Comment) return;

        CommentGroup? comment = null;
        int endLine;
        if (_line == prevLine)
        {
            // On the previous token's line: not a lead comment, but maybe a line comment.
            (comment, endLine) = ConsumeCommentGroup(0);
            if (_line != endLine || _tok == Token.Semicolon || _tok == Token.Eof) _lineComment = comment;
        }

        endLine = -1;
        while (_tok == Token.Comment) (comment, endLine) = ConsumeCommentGroup(1);

        if (endLine + 1 == _line) _leadComment = comment;
    }

    private (Comment Comment, int EndLine) ConsumeComment()
    {
        // /*-style comments may end on a later line than they start.
        var endLine = _line;
        var text = _lit!;
        if (text.Length > 1 && text[1] == '*')
        {
            foreach (var c in text)
            {
                if (c == '\n') endLine++;
            }
        }
        var comment = new Comment { Slash = _pos, Text = text };
        Next0();
        return (comment, endLine);
    }

    private (CommentGroup Group, int EndLine) ConsumeCommentGroup(int n)
    {
        var list = new List<Comment>();
        var endLine = _line;
        while (_tok == Token.Comment && _line <= endLine + n)
        {
            (var comment, endLine) = ConsumeComment();
            list.Add(comment);
        }
        var group = new CommentGroup { List = list };
        _comments.Add(group);
        return (group, endLine);
    }

    private Pos Expect(Token tok)
    {
        var pos = _pos;
        if (_tok != tok) ErrorExpected(pos, "'" + tok.Text() + "'");
        Next(); // make progress
        return pos;
    }

    /// <summary>Like <see cref="Expect"/>, but gives NoPos when the token is missing.</summary>
    private Pos Expect2(Token tok)
    {
        var pos = Pos.NoPos;
        if (_tok == tok) pos = _pos;
        else ErrorExpected(_pos, "'" + tok.Text() + "'");
        Next();
        return pos;
    }

    /// <summary>Expects a closing token, with a friendlier error for a list broken by a newline.</summary>
    private Pos ExpectClosing(Token tok, string context)
    {
        if (_tok != tok && _tok == Token.Semicolon && _lit == "\n")
        {
            Error(_pos, "missing ',' before newline in " + context);
            Next();
        }
        return Expect(tok);
    }

    /// <summary>Consumes a statement-ending semicolon and returns the line comment that belongs to the statement.</summary>
    private CommentGroup? ExpectSemi()
    {
        // a semicolon may be omitted before a closing ")" or "}"
        if (_tok is Token.RParen or Token.RBrace) return null;
        switch (_tok)
        {
            case Token.Comma:
                // accept a ',' for a ';' but complain
                ErrorExpected(_pos, "';'");
                goto case Token.Semicolon;
            case Token.Semicolon:
                CommentGroup? comment;
                if (_lit == ";")
                {
                    Next(); // explicit semicolon: the comment follows it
                    comment = _lineComment;
                }
                else
                {
                    comment = _lineComment; // automatic semicolon: the comment precedes it
                    Next();
                }
                return comment;
            default:
                ErrorExpected(_pos, "';'");
                Advance(StmtStart);
                return null;
        }
    }

    private bool AtComma(string context, Token follow)
    {
        if (_tok == Token.Comma) return true;
        if (_tok != follow)
        {
            var message = "missing ','";
            if (_tok == Token.Semicolon && _lit == "\n") message += " before newline";
            Error(_pos, message + " in " + context);
            return true; // "insert" a comma and continue
        }
        return false;
    }

    // ---- recovery ----

    private static readonly bool[] StmtStart = TokenSet(
        Token.Break, Token.Const, Token.Continue, Token.Defer, Token.Fallthrough, Token.For, Token.Go,
        Token.Goto, Token.If, Token.Return, Token.Select, Token.Switch, Token.Type, Token.Var);

    private static readonly bool[] DeclStart = TokenSet(Token.Import, Token.Const, Token.Type, Token.Var);

    private static readonly bool[] ExprEnd = TokenSet(
        Token.Comma, Token.Colon, Token.Semicolon, Token.RParen, Token.RBrack, Token.RBrace);

    private static bool[] TokenSet(params Token[] tokens)
    {
        var set = new bool[Enum.GetValues<Token>().Length];
        foreach (var token in tokens) set[(int)token] = true;
        return set;
    }

    /// <summary>Skips to a token in <paramref name="to"/> (or EOF), always making progress across repeated calls.</summary>
    private void Advance(bool[] to)
    {
        for (; _tok != Token.Eof; Next())
        {
            if (!to[(int)_tok]) continue;
            // Return if we moved since the last sync, or if we have not yet stalled ten times
            // here; otherwise skip at least one token so that recovery cannot loop forever.
            if (_pos == _syncPos && _syncCnt < 10)
            {
                _syncCnt++;
                return;
            }
            if (_pos > _syncPos)
            {
                _syncPos = _pos;
                _syncCnt = 0;
                return;
            }
        }
    }

    /// <summary><paramref name="pos"/> if it lies inside the file, else the end-of-file position.</summary>
    private Pos SafePos(Pos pos) =>
        pos.Value >= _base && pos.Value <= _base + _file.Size ? pos : new Pos(_base + _file.Size);

    // ---- nesting limit ----

    private void IncNestLev()
    {
        _nestLev++;
        if (_nestLev > _options.MaxNestingDepth || (_nestLev & 31) == 0 && !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Error(_pos, "exceeded max nesting depth");
            throw new Bailout();
        }
    }

    private void DecNestLev() => _nestLev--;

    /// <summary>
    /// A stack check for the one recursion go/parser does not count as nesting (nested
    /// composite literal values, <c>{{{…}}}</c>): Go's stacks grow, ours do not.
    /// </summary>
    private void EnsureStack()
    {
        if (RuntimeHelpers.TryEnsureSufficientExecutionStack()) return;
        Error(_pos, "exceeded max nesting depth");
        throw new Bailout();
    }
}

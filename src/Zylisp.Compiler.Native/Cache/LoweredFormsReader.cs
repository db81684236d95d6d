using System.Collections.Immutable;
using Zylisp.Lang.Analysis;
using Zylisp.Lang.Data;
using Zylisp.Lang.Lowering;
using Zylisp.Lang.Runtime;
using Zylisp.Lang.Syntax;

namespace Zylisp.Compiler.Native.Cache;

/// <summary>
/// Reads the token text <see cref="LoweredFormsWriter"/> writes back into lowered forms. Globals
/// become Vars of one fresh environment (the back end knows globals by name), local bindings keep
/// their shared identity. Anything unexpected (a wrong tag, a number out of range, a string
/// running past the end, text left over) is a <see cref="FormatException"/>, never a partial tree.
/// </summary>
internal sealed class LoweredFormsReader
{
    private readonly string text;
    private readonly GlobalEnvironment globals = new();
    private readonly List<LocalBinding> bindings = [];
    private readonly List<string> files = [];
    private int at;

    private LoweredFormsReader(string text) => this.text = text;

    /// <exception cref="FormatException">The text is not a complete, well-formed list of forms.</exception>
    public static ImmutableArray<LTopLevel> Read(string text)
    {
        var reader = new LoweredFormsReader(text);
        var count = reader.Count();
        var forms = ImmutableArray.CreateBuilder<LTopLevel>(count);
        for (var i = 0; i < count; i++)
        {
            var frameSize = reader.Int();
            forms.Add(new LTopLevel(reader.Statements(), frameSize));
        }

        if (reader.at != text.Length)
        {
            throw new FormatException("text after the last form");
        }

        return forms.MoveToImmutable();
    }

    private LStmt Statement()
    {
        var tag = Tag();
        switch (tag)
        {
            case 'E':
                return new ExprStmt(Expr(), Span());
            case 'A':
                {
                    var target = Binding();
                    return new AssignStmt(target, Expr(), Span());
                }

            case 'R':
                return new ReturnStmt(Expr(), Span());
            case 'T':
                return new TailCallStmt(Expr() as CallExpr ?? throw new FormatException("a tail call of something else"), Span());
            case 'I':
                {
                    var test = Operand();
                    var then = Statements();
                    var otherwise = Statements();
                    return new IfStmt(test, then, otherwise, Truthiness(), Span());
                }

            case 'L':
                {
                    var loopBindings = Bindings();
                    return new LoopStmt(loopBindings, Statements(), Span());
                }

            case 'C':
                {
                    var targets = Bindings();
                    return new RecurStmt(targets, Operands(), Span());
                }

            case 'Y':
                {
                    var body = Statements();
                    var catchLocal = TryAbsent() ? null : Binding();
                    var handler = TryAbsent() ? (ImmutableArray<LStmt>?)null : Statements();
                    var cleanup = TryAbsent() ? (ImmutableArray<LStmt>?)null : Statements();
                    return new TryStmt(body, catchLocal, handler, cleanup, Span());
                }

            case 'W':
                {
                    var value = Operand();
                    return new ThrowStmt(value, String(), Span());
                }

            default:
                throw new FormatException($"no statement starts with '{tag}'");
        }
    }

    private LExpr Expr()
    {
        var tag = Tag();
        switch (tag)
        {
            case 'c':
                {
                    var fn = Operand();
                    var args = Operands();
                    var caller = String();
                    return new CallExpr(fn, args, caller, Span());
                }

            case 'v':
                {
                    var kind = CollectionKind();
                    return new CollectionExpr(kind, Operands(), Span());
                }

            case 'F':
                {
                    var function = Function();
                    return new FnExpr(function, Span());
                }

            case 'd':
                {
                    var var = globals.Intern(String());
                    var init = TryAbsent() ? null : Operand();
                    if (Tag() != 'm')
                    {
                        throw new FormatException("definition metadata expected");
                    }

                    var meta = Constant() as PersistentMap ?? throw new FormatException("definition metadata is a map");
                    return new DefExpr(var, init, meta, Span());
                }

            default:
                return OperandAfter(tag);
        }
    }

    private Operand Operand() => OperandAfter(Tag());

    private Operand OperandAfter(char tag)
    {
        switch (tag)
        {
            case 'l':
                {
                    var binding = Binding();
                    var access = LocalAccess();
                    var index = Int();
                    return new LocalOperand(binding, access, index, Span());
                }

            case 'g':
                {
                    var var = globals.Intern(String());
                    return new GlobalOperand(var, Span());
                }

            default:
                {
                    var value = ConstantAfter(tag);
                    return new ConstOperand(value, Span());
                }
        }
    }

    private object? Constant() => ConstantAfter(Tag());

    private object? ConstantAfter(char tag) => tag switch
    {
        'z' => null,
        't' => true,
        'f' => false,
        'i' => Long(),
        'x' => BitConverter.Int64BitsToDouble(Long()),
        'h' => (char)Bounded(Int(), 0, char.MaxValue),
        's' => String(),
        'k' => Keyword(),
        'y' => Symbol(),
        'V' => WithSpan(PersistentVector.CreateRange(Items())),
        'U' => WithSpan(PersistentList.CreateRange(Items())),
        'M' => WithSpan(Map()),
        'S' => WithSpan(Set()),
        _ => throw new FormatException($"no operand starts with '{tag}'"),
    };

    private Symbol Symbol()
    {
        var ns = TryAbsent() ? null : String();
        var symbol = Zylisp.Lang.Data.Symbol.Of(ns, String());
        if (!TryAbsent())
        {
            symbol = symbol.WithMeta(Constant() as PersistentMap ?? throw new FormatException("a symbol's metadata is a map"));
        }

        return Span() is { } span ? symbol.WithSpan(span) : symbol;
    }

    private List<object?> Items()
    {
        var count = Count();
        var items = new List<object?>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(Constant());
        }

        return items;
    }

    /// <summary>The entries in their written (insertion) order; a repeated key is damage, since a map never holds one twice.</summary>
    private PersistentMap Map()
    {
        var count = Count();
        var map = PersistentMap.Empty;
        for (var i = 0; i < count; i++)
        {
            var key = Constant();
            map = map.Assoc(key, Constant());
        }

        return map.Count == count ? map : throw new FormatException("a repeated map key");
    }

    private PersistentSet Set()
    {
        var count = Count();
        var set = PersistentSet.Empty;
        for (var i = 0; i < count; i++)
        {
            set = set.Conj(Constant());
        }

        return set.Count == count ? set : throw new FormatException("a repeated set item");
    }

    private PersistentVector WithSpan(PersistentVector vector) => Span() is { } span ? vector.WithSpan(span) : vector;

    private PersistentList WithSpan(PersistentList list) => Span() is { } span ? list.WithSpan(span) : list;

    private PersistentMap WithSpan(PersistentMap map) => Span() is { } span ? map.WithSpan(span) : map;

    private PersistentSet WithSpan(PersistentSet set) => Span() is { } span ? set.WithSpan(span) : set;

    private Keyword Keyword()
    {
        var ns = TryAbsent() ? null : String();
        return Zylisp.Lang.Data.Keyword.Of(ns, String());
    }

    private LFunction Function()
    {
        var name = String();
        var arityCount = Count();
        var arities = ImmutableArray.CreateBuilder<LArity>(arityCount);
        for (var i = 0; i < arityCount; i++)
        {
            var parameters = Bindings();
            var rest = TryAbsent() ? null : Binding();
            var frameSize = Int();
            var body = Statements();
            var hasRecur = Bounded(Int(), 0, 1) == 1;
            var paramTypes = default(ImmutableArray<TypeAnnotation?>);
            if (!TryAbsent())
            {
                var typeCount = Count();
                var types = ImmutableArray.CreateBuilder<TypeAnnotation?>(typeCount);
                for (var t = 0; t < typeCount; t++)
                {
                    types.Add(Type());
                }

                paramTypes = types.MoveToImmutable();
            }

            arities.Add(new LArity(parameters, rest, frameSize, body, hasRecur, paramTypes, Type()));
        }

        var captureCount = Count();
        var captures = ImmutableArray.CreateBuilder<Capture>(captureCount);
        for (var i = 0; i < captureCount; i++)
        {
            var binding = Binding();
            var access = LocalAccess();
            captures.Add(new Capture(binding, access, Int()));
        }

        return new LFunction(name, arities.MoveToImmutable(), captures.MoveToImmutable(), Span());
    }

    private TypeAnnotation? Type()
    {
        if (TryAbsent())
        {
            return null;
        }

        var name = String();
        return new TypeAnnotation(name, TypeKind());
    }

    private ImmutableArray<LStmt> Statements()
    {
        var count = Count();
        var statements = ImmutableArray.CreateBuilder<LStmt>(count);
        for (var i = 0; i < count; i++)
        {
            statements.Add(Statement());
        }

        return statements.MoveToImmutable();
    }

    private ImmutableArray<Operand> Operands()
    {
        var count = Count();
        var operands = ImmutableArray.CreateBuilder<Operand>(count);
        for (var i = 0; i < count; i++)
        {
            operands.Add(Operand());
        }

        return operands.MoveToImmutable();
    }

    private ImmutableArray<LocalBinding> Bindings()
    {
        var count = Count();
        var list = ImmutableArray.CreateBuilder<LocalBinding>(count);
        for (var i = 0; i < count; i++)
        {
            list.Add(Binding());
        }

        return list.MoveToImmutable();
    }

    private LocalBinding Binding()
    {
        switch (Tag())
        {
            case 'b':
                return bindings[Bounded(Int(), 0, bindings.Count - 1)];
            case 'n':
                {
                    var name = String();
                    var slot = Int();
                    var binding = new LocalBinding(name, slot, Span());
                    bindings.Add(binding);
                    return binding;
                }

            default:
                throw new FormatException("a local binding expected");
        }
    }

    private SourceSpan? Span()
    {
        if (TryAbsent())
        {
            return null;
        }

        var file = Tag() switch
        {
            'p' => NewFile(String()),
            'q' => files[Bounded(Int(), 0, files.Count - 1)],
            _ => throw new FormatException("a span expected"),
        };
        var line = Int();
        var column = Int();
        var endLine = Int();
        var endColumn = Int();
        var startOffset = Int();
        return new SourceSpan(file, line, column, endLine, endColumn, startOffset, Int());
    }

    private string NewFile(string file)
    {
        files.Add(file);
        return file;
    }

    // Each enum read by its own member, not a generic one: an instantiation over another
    // assembly's enum would be JIT-compiled on every build (docs/design/native-compile-latency.md).
    // A value the enum does not name is damage.
    private Truthiness Truthiness() => (Truthiness)Bounded(Int(), (int)Zylisp.Lang.Runtime.Truthiness.Clojure, (int)Zylisp.Lang.Runtime.Truthiness.Slisp);

    private CollectionKind CollectionKind() => (CollectionKind)Bounded(Int(), (int)Zylisp.Lang.Runtime.CollectionKind.Vector, (int)Zylisp.Lang.Runtime.CollectionKind.Set);

    private LocalAccess LocalAccess() => (LocalAccess)Bounded(Int(), (int)Zylisp.Lang.Analysis.LocalAccess.Slot, (int)Zylisp.Lang.Analysis.LocalAccess.Self);

    private TypeKind TypeKind() => (TypeKind)Bounded(Int(), (int)Zylisp.Lang.Runtime.TypeKind.Any, (int)Zylisp.Lang.Runtime.TypeKind.Bool);

    private bool TryAbsent()
    {
        if (at + 1 < text.Length && text[at] == '~' && text[at + 1] == ' ')
        {
            at += 2;
            return true;
        }

        return false;
    }

    private char Tag()
    {
        if (at + 1 >= text.Length || text[at + 1] != ' ')
        {
            throw new FormatException("a tag expected");
        }

        var tag = text[at];
        at += 2;
        return tag;
    }

    /// <summary>A count of items to follow: never more than the text could hold, so damage cannot ask for a huge array.</summary>
    private int Count() => Bounded(Int(), 0, text.Length - at);

    private int Int()
    {
        var value = Long();
        return value is < int.MinValue or > int.MaxValue ? throw new FormatException("a number out of range") : (int)value;
    }

    private long Long()
    {
        var negative = at < text.Length && text[at] == '-';
        var i = negative ? at + 1 : at;
        var start = i;
        ulong magnitude = 0;
        while (i < text.Length && text[i] is >= '0' and <= '9')
        {
            if (i - start >= 19)
            {
                throw new FormatException("a number out of range");
            }

            magnitude = (magnitude * 10) + (ulong)(text[i] - '0');
            i++;
        }

        if (i == start || i >= text.Length || text[i] != ' ' || magnitude > (negative ? 9223372036854775808UL : long.MaxValue))
        {
            throw new FormatException("a number expected");
        }

        at = i + 1;
        return negative ? (long)(0UL - magnitude) : (long)magnitude;
    }

    private string String()
    {
        var length = 0;
        var i = at;
        while (i < text.Length && text[i] is >= '0' and <= '9' && i - at < 9)
        {
            length = (length * 10) + (text[i] - '0');
            i++;
        }

        if (i == at || i >= text.Length || text[i] != ':' || length > text.Length - i - 2 || text[i + 1 + length] != ' ')
        {
            throw new FormatException("a string expected");
        }

        var value = text.Substring(i + 1, length);
        at = i + length + 2;
        return value;
    }

    private static int Bounded(int value, int min, int max) =>
        value < min || value > max ? throw new FormatException("a number out of range") : value;
}

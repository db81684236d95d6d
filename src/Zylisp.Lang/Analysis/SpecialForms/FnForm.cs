using System.Collections.Immutable;
using Zylisp.Lang.Data;
using Zylisp.Lang.Diagnostics;
using Zylisp.Lang.Runtime;

namespace Zylisp.Lang.Analysis.SpecialForms;

/// <summary>
/// <c>(fn name? meta? ([params] body*)+)</c> (the single-arity shorthand <c>(fn [params] body*)</c>
/// is accepted too). Each arity gets its own frame layout; all share the closure's captures.
/// </summary>
internal static class FnForm
{
    private static readonly Keyword ArgsKey = Keyword.Of("args");
    private static readonly Keyword ReturnKey = Keyword.Of("return");

    public static Node Analyze(Analyzer a, PersistentList form, Position pos)
    {
        var rest = form.Rest;
        string? name = null;
        if (rest.First is Symbol nameSymbol)
        {
            name = nameSymbol.Name;
            rest = rest.Rest;
        }

        var meta = PersistentMap.Empty;
        if (rest.First is PersistentMap m)
        {
            meta = m;
            rest = rest.Rest;
        }

        var arityForms = rest.First is PersistentVector ? [rest] : rest.ToList();
        if (arityForms.Count == 0)
        {
            throw a.Error(DiagnosticIds.MalformedSpecialForm, form, "fn", "expected a parameter vector");
        }

        var saved = a.EnterFunction(name ?? "fn");
        try
        {
            var self = name is null ? null : new LocalInfo(new LocalBinding(name, -1, a.SpanOf(form)), a.Scope, IsSelf: true);
            var arities = ImmutableArray.CreateBuilder<FnArity>();
            foreach (var arityForm in arityForms)
            {
                if (arityForm is not PersistentList { First: PersistentVector paramVector } arityList)
                {
                    throw a.Error(DiagnosticIds.MalformedSpecialForm, arityForm ?? form, "fn", "each arity must be ([params] body*)");
                }

                var arity = AnalyzeArity(a, self, paramVector, arityList.Rest, meta, a.SpanOf(arityForm));
                if (arities.Any(other => other.RequiredCount == arity.RequiredCount && (other.Rest is null) == (arity.Rest is null)))
                {
                    throw a.Error(DiagnosticIds.DuplicateArity, paramVector, arity.RequiredCount);
                }

                arities.Add(arity);
            }

            if (arities.Count(x => x.Rest is not null) > 1)
            {
                throw a.Error(DiagnosticIds.MalformedSpecialForm, form, "fn", "at most one arity may take & rest");
            }

            return new FnNode(name ?? "fn", arities.ToImmutable(), [.. a.Scope.Captures], pos.Context, a.SpanOf(form));
        }
        finally
        {
            a.LeaveFunction(saved);
        }
    }

    private static FnArity AnalyzeArity(Analyzer a, LocalInfo? self, PersistentVector paramVector, PersistentList body, PersistentMap meta, Syntax.SourceSpan? span)
    {
        a.Scope.NextSlot = 0;
        a.Scope.FrameSize = 0;
        var saved = a.SaveLocals();
        try
        {
            if (self is not null)
            {
                a.Bind(self);
            }

            var parameters = ImmutableArray.CreateBuilder<LocalBinding>();
            LocalBinding? restParam = null;
            for (int i = 0; i < paramVector.Count; i++)
            {
                if (paramVector[i] is not Symbol { Namespace: null } p)
                {
                    throw a.Error(DiagnosticIds.BadParameterList, paramVector[i] ?? paramVector, "parameters must be plain symbols");
                }

                if (p.Name == "&")
                {
                    if (i != paramVector.Count - 2 || paramVector[i + 1] is not Symbol { Namespace: null, Name: not "&" } restSymbol)
                    {
                        throw a.Error(DiagnosticIds.BadParameterList, p, "& must be followed by exactly one name");
                    }

                    restParam = a.Scope.NewLocal(restSymbol.Name, restSymbol.Span);
                    a.Bind(new LocalInfo(restParam, a.Scope, false));
                    break;
                }

                var binding = a.Scope.NewLocal(p.Name, p.Span);
                parameters.Add(binding);
                a.Bind(new LocalInfo(binding, a.Scope, false));
            }

            var paramTypes = ParamTypes(a, meta, parameters.Count, restParam is not null, paramVector);
            var returnType = meta.Get(ReturnKey) is { } r ? ParseReturn(a, r, paramVector) : null;
            for (int i = 0; i < paramTypes.Length && i < parameters.Count; i++)
            {
                if (GoNumberTypes.Admit(paramTypes[i]))
                {
                    a.NarrowLocals[parameters[i]] = paramTypes[i]!.Name;
                }
            }

            var targets = restParam is null ? parameters.ToImmutable() : parameters.ToImmutable().Add(restParam);
            var recur = new RecurTarget(targets, "fn parameters");

            // A checked return type needs the final value, so calls in tail position stay ordinary calls.
            var bodyContext = returnType is null ? NodeContext.Tail : NodeContext.Value;
            var bodyNode = a.AnalyzeBody(body, new Position(bodyContext, recur), span);
            if (GoNumberTypes.Admit(returnType))
            {
                bodyNode = GoNumberTypes.MarkResult(a, returnType!.Name, bodyNode);
            }

            return new FnArity(parameters.ToImmutable(), restParam, a.Scope.FrameSize, bodyNode, recur.Used, paramTypes, returnType);
        }
        finally
        {
            a.RestoreLocals(saved);
        }
    }

    // Two results would make a value tuple over ImmutableArray, an instantiation JIT-compiled at start-up.
    private static ImmutableArray<TypeAnnotation?> ParamTypes(
        Analyzer a, PersistentMap meta, int paramCount, bool hasRest, PersistentVector paramVector)
    {
        var paramTypes = ImmutableArray<TypeAnnotation?>.Empty;
        if (meta.Get(ArgsKey) is { } argsValue)
        {
            var types = argsValue is ISequential pieces ? GoTypeSpelling.Group(a, pieces) : null;
            if (types is null || types.Count != paramCount + (hasRest ? 1 : 0))
            {
                throw a.Error(DiagnosticIds.BadAnnotation, paramVector, "(:args ...) must name one type per parameter");
            }

            paramTypes = [.. types.Select(t => Parse(a, t, paramVector))];
        }

        return paramTypes;
    }

    /// <summary>
    /// :return's type. deffunc passes a Go spelling read as several forms (<c>(:return []string)</c>)
    /// as a list of them, which must make one type; a list was never a type before.
    /// </summary>
    private static TypeAnnotation ParseReturn(Analyzer a, object type, object? where)
    {
        if (type is PersistentList pieces)
        {
            var types = GoTypeSpelling.Group(a, pieces);
            if (types.Count != 1)
            {
                throw a.Error(DiagnosticIds.BadAnnotation, pieces.First ?? where, "(:return ...) must name one type");
            }

            type = types[0]!;
        }

        return Parse(a, type, where);
    }

    private static TypeAnnotation Parse(Analyzer a, object? type, object? where)
    {
        string name = type switch
        {
            Symbol s => s.Name,
            Keyword k => k.Name,
            string s => s,
            _ => throw a.Error(DiagnosticIds.BadAnnotation, where, "a type must be a name such as integer, float, string, bool or any"),
        };
        var kind = name switch
        {
            "integer" or "int" or "int64" => TypeKind.Integer,
            "float" or "float64" => TypeKind.Float,
            "string" => TypeKind.String,
            "bool" or "boolean" => TypeKind.Bool,
            _ => TypeKind.Any, // "any" and Go type names only the Go backend understands
        };
        GoNumberTypes.CheckEngine(a, name, type is Symbol ? type : where);
        return new TypeAnnotation(name, kind);
    }
}

using System.Reflection;
using Zylisp.Lang.Diagnostics;

namespace Zylisp.Lang.Runtime.Interop;

/// <summary>
/// Calls .NET members by name for the interop primitives (docs/design/dotnet-interop.md):
/// methods are chosen among the public overloads with the right number of parameters (a params
/// array takes the rest) by the lowest total conversion cost, then properties and fields are
/// read when there are no arguments. A missing member is ZL5302 with near names; no fitting
/// overload is ZL5303 listing the signatures; an exception the member throws is ZL5304.
/// </summary>
internal static class DotnetMembers
{
    public static object? CallInstance(object? target, string member, object?[] args)
    {
        if (target is null)
        {
            throw RuntimeErrors.BadArgument("." + member, "cannot call a .NET method on nil");
        }

        return Call(target.GetType(), target, member, args, BindingFlags.Instance);
    }

    public static object? CallStatic(string typeName, string member, object?[] args) =>
        Call(DotnetTypes.Resolve(typeName), null, member, args, BindingFlags.Static);

    public static object? Construct(string typeName, object?[] args)
    {
        var type = DotnetTypes.Resolve(typeName);
        if (args.Length == 0 && type.IsValueType)
        {
            return Invoke(type, ".ctor", () => Activator.CreateInstance(type));
        }

        var constructors = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (constructors.Length == 0)
        {
            throw RuntimeErrors.Create(DiagnosticIds.DotnetMemberNotFound, "dotnet-error", null, type.FullName, "", "constructor", "");
        }

        var (ctor, converted) = Choose(type, "new", constructors, args);
        return Invoke(type, "new", () => ((System.Reflection.ConstructorInfo)ctor).Invoke(converted));
    }

    public static bool IsInstance(string typeName, object? value) => DotnetTypes.Resolve(typeName).IsInstanceOfType(value);

    private static object? Call(Type type, object? target, string member, object?[] args, BindingFlags kind)
    {
        var flags = BindingFlags.Public | kind | BindingFlags.FlattenHierarchy;
        bool fieldSyntax = member.StartsWith('-');
        string name = fieldSyntax ? member[1..] : member;
        if (!fieldSyntax)
        {
            var methods = type.GetMethods(flags).Where(m => m.Name == name && !m.IsGenericMethodDefinition).ToArray();
            if (methods.Length > 0 && (args.Length > 0 || methods.Any(m => Fits(m.GetParameters(), 0))))
            {
                var (method, converted) = Choose(type, name, methods, args);
                return Invoke(type, name, () => ((MethodInfo)method).Invoke(target, converted));
            }
        }

        if (args.Length == 0)
        {
            if (type.GetProperty(name, flags) is { CanRead: true } property && property.GetIndexParameters().Length == 0)
            {
                return Invoke(type, name, () => property.GetValue(target));
            }

            if (type.GetField(name, flags) is { } field)
            {
                return Invoke(type, name, () => field.GetValue(target));
            }
        }

        var names = type.GetMembers(flags).Select(m => m.Name).Where(n => !n.Contains('.') && !n.StartsWith("get_", StringComparison.Ordinal) && !n.StartsWith("set_", StringComparison.Ordinal)).Distinct();
        string takes = fieldSyntax || args.Length == 0 ? "" : " taking " + args.Length + (args.Length == 1 ? " argument" : " arguments");
        throw RuntimeErrors.Create(
            DiagnosticIds.DotnetMemberNotFound, "dotnet-error", null, type.FullName, kind == BindingFlags.Static ? "static" : "instance", name, takes + Suggestions.DidYouMean(name, names));
    }

    private static bool Fits(ParameterInfo[] parameters, int count) =>
        parameters.Length == count || (IsParams(parameters) && count >= parameters.Length - 1);

    private static bool IsParams(ParameterInfo[] parameters) =>
        parameters.Length > 0 && parameters[^1].IsDefined(typeof(ParamArrayAttribute), false);

    /// <summary>The overload with the lowest total conversion cost, and its converted arguments.</summary>
    private static (MethodBase Method, object?[] Arguments) Choose(Type type, string name, IReadOnlyList<MethodBase> overloads, object?[] args)
    {
        MethodBase? best = null;
        object?[]? bestArgs = null;
        long bestCost = long.MaxValue;
        foreach (var overload in overloads)
        {
            var parameters = overload.GetParameters();
            if (TryConvert(parameters, args, expandParams: false, out var cost, out var converted)
                || (IsParams(parameters) && TryConvert(parameters, args, expandParams: true, out cost, out converted)))
            {
                if (cost < bestCost)
                {
                    (best, bestArgs, bestCost) = (overload, converted, cost);
                }
            }
        }

        if (best is null)
        {
            var signatures = overloads.Select(o => "(" + string.Join(", ", o.GetParameters().Select(p => p.ParameterType.Name)) + ")").Distinct().Take(6);
            throw RuntimeErrors.Create(
                DiagnosticIds.DotnetNoOverload, "dotnet-error", null, type.FullName, name, DotnetConversions.Describe(args), string.Join(" or ", signatures));
        }

        return (best, bestArgs!);
    }

    private static bool TryConvert(ParameterInfo[] parameters, object?[] args, bool expandParams, out long cost, out object?[] converted)
    {
        cost = 0;
        converted = new object?[parameters.Length];
        int fixedCount = expandParams ? parameters.Length - 1 : parameters.Length;
        if (expandParams ? args.Length < fixedCount : args.Length != parameters.Length)
        {
            return false;
        }

        for (int i = 0; i < fixedCount; i++)
        {
            int c = DotnetConversions.Cost(args[i], parameters[i].ParameterType);
            if (c == DotnetConversions.Impossible)
            {
                return false;
            }

            cost += c;
            converted[i] = DotnetConversions.ToDotnet(args[i], parameters[i].ParameterType);
        }

        if (expandParams)
        {
            var element = parameters[^1].ParameterType.GetElementType()!;
            var rest = Array.CreateInstance(element, args.Length - fixedCount);
            for (int i = fixedCount; i < args.Length; i++)
            {
                int c = DotnetConversions.Cost(args[i], element);
                if (c == DotnetConversions.Impossible)
                {
                    return false;
                }

                cost += c + 1; // a params expansion loses to an exact fixed-arity overload
                rest.SetValue(DotnetConversions.ToDotnet(args[i], element), i - fixedCount);
            }

            converted[^1] = rest;
        }

        return true;
    }

    /// <summary>Runs the reflective call; what the member throws becomes ZL5304, catchable as :dotnet-error.</summary>
    private static object? Invoke(Type type, string member, Func<object?> call)
    {
        try
        {
            return DotnetConversions.ToZylisp(call());
        }
        catch (TargetInvocationException e) when (e.InnerException is { } inner and not ZylispException and not OperationCanceledException)
        {
            throw RuntimeErrors.Create(DiagnosticIds.DotnetException, "dotnet-error", null, type.FullName, member, inner.GetType().FullName, inner.Message);
        }
    }
}

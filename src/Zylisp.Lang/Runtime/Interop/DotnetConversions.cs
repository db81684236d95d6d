using Zylisp.Lang.Data;

namespace Zylisp.Lang.Runtime.Interop;

/// <summary>
/// How Zylisp values become .NET arguments and .NET results become Zylisp values
/// (docs/language.md section 17). <see cref="Cost"/> ranks how well a value fits a parameter
/// type, so overload resolution prefers exact matches over widening and widening over object.
/// </summary>
internal static class DotnetConversions
{
    /// <summary>No conversion exists.</summary>
    public const int Impossible = int.MaxValue;

    /// <summary>The cost of passing <paramref name="value"/> as <paramref name="type"/>: 0 exact, small widening, large object.</summary>
    public static int Cost(object? value, Type type)
    {
        if (type.IsByRef || type.IsPointer || type.ContainsGenericParameters)
        {
            return Impossible;
        }

        var underlying = Nullable.GetUnderlyingType(type);
        if (value is null)
        {
            return !type.IsValueType || underlying is not null ? 1 : Impossible;
        }

        type = underlying ?? type;
        if (type == value.GetType())
        {
            return 0;
        }

        switch (value)
        {
            case long l:
                if (type == typeof(int)) return l is >= int.MinValue and <= int.MaxValue ? 1 : Impossible;
                if (type == typeof(short)) return l is >= short.MinValue and <= short.MaxValue ? 2 : Impossible;
                if (type == typeof(byte)) return l is >= byte.MinValue and <= byte.MaxValue ? 2 : Impossible;
                if (type == typeof(sbyte)) return l is >= sbyte.MinValue and <= sbyte.MaxValue ? 2 : Impossible;
                if (type == typeof(uint)) return l is >= 0 and <= uint.MaxValue ? 2 : Impossible;
                if (type == typeof(ushort)) return l is >= 0 and <= ushort.MaxValue ? 2 : Impossible;
                if (type == typeof(ulong)) return l >= 0 ? 2 : Impossible;
                if (type == typeof(double)) return 3;
                if (type == typeof(decimal)) return 4;
                if (type == typeof(float)) return 5;
                break;
            case double:
                if (type == typeof(float)) return 2;
                if (type == typeof(decimal)) return 3;
                break;
            case string s:
                if (type == typeof(char)) return s.Length == 1 ? 1 : Impossible;
                break;
            case PersistentVector or PersistentList when type.IsArray && type.GetArrayRank() == 1:
                var element = type.GetElementType()!;
                int worst = 1;
                foreach (var item in Seq.Enumerate(value))
                {
                    int cost = Cost(item, element);
                    if (cost == Impossible)
                    {
                        return Impossible;
                    }

                    worst = Math.Max(worst, cost + 1);
                }

                return worst;
        }

        if (type.IsInstanceOfType(value))
        {
            return type == typeof(object) ? 10 : 6;
        }

        return Impossible;
    }

    /// <summary>The .NET argument for a value whose <see cref="Cost"/> for <paramref name="type"/> was possible.</summary>
    public static object? ToDotnet(object? value, Type type)
    {
        if (value is null)
        {
            return null;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == value.GetType() || type == typeof(object))
        {
            return value;
        }

        if (value is string s && type == typeof(char))
        {
            return s[0];
        }

        if (type.IsArray && value is PersistentVector or PersistentList)
        {
            var element = type.GetElementType()!;
            var items = Seq.Enumerate(value).ToList();
            var array = Array.CreateInstance(element, items.Count);
            for (int i = 0; i < items.Count; i++)
            {
                array.SetValue(ToDotnet(items[i], element), i);
            }

            return array;
        }

        if (value is long or double && (type.IsPrimitive || type == typeof(decimal)))
        {
            return Convert.ChangeType(value, type, System.Globalization.CultureInfo.InvariantCulture);
        }

        return value;
    }

    /// <summary>A .NET result as a Zylisp value: integers become integers, floats floats, chars strings, arrays vectors.</summary>
    public static object? ToZylisp(object? result) => result switch
    {
        null => null,
        long or double or string or bool => result,
        int i => Box.Long(i),
        short s => Box.Long(s),
        byte b => Box.Long(b),
        sbyte sb => Box.Long(sb),
        ushort us => Box.Long(us),
        uint ui => Box.Long(ui),
        ulong ul => Box.Long(unchecked((long)ul)),
        float f => (double)f,
        decimal m => (double)m,
        char c => c.ToString(),
        Array array when array.Rank == 1 => PersistentVector.CreateRange(array.Cast<object?>().Select(ToZylisp)),
        _ => result,
    };

    /// <summary>How an argument list reads in an error message: (string, integer).</summary>
    public static string Describe(IReadOnlyList<object?> args) =>
        string.Join(", ", args.Select(a => a is null ? "nil" : RuntimeErrors.TypeName(a)));
}

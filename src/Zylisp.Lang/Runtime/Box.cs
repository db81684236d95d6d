using System.Runtime.CompilerServices;

namespace Zylisp.Lang.Runtime;

/// <summary>
/// Boxing of longs with a cache of small values, so loops counting up to a few hundred and most
/// booleans-as-numbers do not allocate. Booleans use two shared boxes.
/// </summary>
public static class Box
{
    private const long Min = -128;
    private const long Max = 1023;
    private static readonly object[] Cache = CreateCache();

    public static readonly object True = true;
    public static readonly object False = false;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static object Long(long value) =>
        (ulong)(value - Min) <= (ulong)(Max - Min) ? Cache[value - Min] : value;

    public static object Bool(bool value) => value ? True : False;

    private static object[] CreateCache()
    {
        var cache = new object[Max - Min + 1];
        for (long i = Min; i <= Max; i++)
        {
            cache[i - Min] = i;
        }

        return cache;
    }
}

namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// A stable merge sort that calls the comparison directly. .NET's sorts (Array.Sort, List.Sort,
/// OrderBy) wrap anything the comparison throws in an InvalidOperationException, which turned a
/// Zylisp <c>throw</c> inside a <c>sort</c> comparator, the <c>:type-error</c> of comparing 1
/// with "a", and even an interrupt into an internal error (issue 15 item 11). Here whatever the
/// comparison throws leaves the sort unchanged.
/// </summary>
internal static class StableSort
{
    public static object?[] Sort(object?[] items, Comparison<object?> compare)
    {
        var source = (object?[])items.Clone();
        var target = new object?[source.Length];
        for (int width = 1; width < source.Length; width *= 2)
        {
            for (int low = 0; low < source.Length; low += 2 * width)
            {
                int middle = Math.Min(low + width, source.Length);
                int high = Math.Min(low + (2 * width), source.Length);
                Merge(source, target, low, middle, high, compare);
            }

            (source, target) = (target, source);
        }

        return source;
    }

    private static void Merge(object?[] source, object?[] target, int low, int middle, int high, Comparison<object?> compare)
    {
        int left = low, right = middle, into = low;
        while (left < middle && right < high)
        {
            // Ties take the left run first: that is what makes the sort stable.
            target[into++] = compare(source[right], source[left]) < 0 ? source[right++] : source[left++];
        }

        Array.Copy(source, left, target, into, middle - left);
        into += middle - left;
        Array.Copy(source, right, target, into, high - right);
    }
}

using System.Globalization;

namespace Zylisp.Repl.Protocol;

/// <summary>
/// An nREPL message: a bencode dictionary with string keys. These helpers read fields leniently
/// (a missing or mistyped field is null), since a client's message is untrusted input.
/// </summary>
public static class Message
{
    public static Dictionary<string, object> Create(params (string Key, object? Value)[] fields)
    {
        var message = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in fields)
        {
            if (value is not null)
            {
                message[key] = value;
            }
        }

        return message;
    }

    public static string? Str(this IReadOnlyDictionary<string, object> message, string key) =>
        message.TryGetValue(key, out var value) ? value as string ?? (value is long n ? n.ToString(CultureInfo.InvariantCulture) : null) : null;

    public static long? Long(this IReadOnlyDictionary<string, object> message, string key) =>
        message.TryGetValue(key, out var value) ? value switch
        {
            long n => n,
            string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        } : null;

    public static IReadOnlyList<string> Strings(this IReadOnlyDictionary<string, object> message, string key) =>
        message.TryGetValue(key, out var value) ? value switch
        {
            List<object> items => [.. items.OfType<string>()],
            string s => [s],
            _ => [],
        } : [];

    public static bool Has(this IReadOnlyDictionary<string, object> message, string key, string status) =>
        message.Strings(key).Contains(status);
}

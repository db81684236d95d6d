using Zylisp.Lang.Runtime.Interop;
using static Zylisp.Lang.Runtime.Core.CoreLibrary;

namespace Zylisp.Lang.Runtime.Core;

/// <summary>
/// The .NET interop primitives the expander rewrites interop syntax into (docs/design/dotnet-interop.md).
/// They are installed only when a program first uses one, so programs without interop load no
/// reflection code; the Go and native targets reject them at compile time.
/// </summary>
internal static class CoreInterop
{
    public static IEnumerable<Builtin> Functions() =>
    [
        Fn("%dotnet-call", 2, -1, "([target member & args])", "(.Member target args*): calls a public instance method, or reads a property or field.", (_, a) =>
            DotnetMembers.CallInstance(a[0], Name(a[1]), a[2..])),
        Fn("%dotnet-static", 2, -1, "([type member & args])", "(Type/Member args*): calls a public static method, or reads a static property or field.", (_, a) =>
            DotnetMembers.CallStatic(Name(a[0]), Name(a[1]), a[2..])),
        Fn("%dotnet-new", 1, -1, "([type & args])", "(Type. args*) and (new Type args*): constructs an instance.", (_, a) =>
            DotnetMembers.Construct(Name(a[0]), a[1..])),
        Fn("%dotnet-instance?", 2, 2, "([type x])", "(instance? Type x) for a .NET type name.", (_, a) =>
            Box.Bool(DotnetMembers.IsInstance(Name(a[0]), a[1]))),
        Fn("%dotnet-type", 1, 1, "([type])", "The System.Type of a .NET type name (a type name used as a value).", (_, a) =>
            DotnetTypes.Resolve(Name(a[0]))),
        Fn("%dotnet-import", 0, -1, "([& types])", "(import '[Namespace Type*]): checks the imported types exist (the expander records the short names).", (_, a) =>
        {
            foreach (var name in a)
            {
                DotnetTypes.Resolve(Name(name));
            }

            return null;
        }),
    ];

    private static string Name(object? value) => value as string ?? throw RuntimeErrors.WrongType("%dotnet", "a name string", value);
}

namespace Zylisp.Lang.Runtime;

/// <summary>The checks of deffunc type annotations, shared by every engine (through <see cref="RuntimeApi.CheckAnnotation"/>).</summary>
internal static class TypeChecks
{
    public static bool Matches(object? value, TypeKind kind) => kind switch
    {
        TypeKind.Integer => value is long,
        TypeKind.Float => value is double,
        TypeKind.String => value is string,
        TypeKind.Bool => value is bool,
        _ => true,
    };
}

namespace Zylisp.Cli.Repl;

/// <summary>What a name is to the engine, for syntax colouring.</summary>
internal enum NameKind
{
    Unknown,
    Defined,
    SpecialForm,
}

using System.Runtime.CompilerServices;

// The scanner and build-constraint reader are internal; their unit tests sit beside the parser's.
[assembly: InternalsVisibleTo("Zylisp.Zast.Tests")]

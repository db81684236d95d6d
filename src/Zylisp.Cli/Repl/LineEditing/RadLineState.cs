using RadLine;

namespace Zylisp.Cli.Repl.LineEditing;

/// <summary>
/// The line RadLine is about to draw. RadLine 0.6.0 gives a highlighter one token at a time and a
/// prompt only line numbers (<see cref="ILineEditorState"/>), but the state object it passes to the
/// prompt has a public <c>GetBufferAt(int)</c> (its class is internal); the buffer carries the text
/// and the cursor. Read by reflection, and null when a RadLine version has no such member, so an
/// upgrade costs the bracket highlight, never the editor (a test pins the current version's shape).
/// </summary>
internal static class RadLineState
{
    public static LineBuffer? BufferAt(ILineEditorState state, int line) =>
        state.GetType().GetMethod("GetBufferAt", [typeof(int)])?.Invoke(state, [line]) as LineBuffer;
}

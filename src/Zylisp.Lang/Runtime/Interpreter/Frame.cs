namespace Zylisp.Lang.Runtime.Interpreter;

/// <summary>
/// The activation of one function arity (or top-level form): its slots, the running closure,
/// and the context. Frames of non-tail calls are reused per call depth (see
/// <see cref="RunContext.FrameFor"/>): a frame is dead once its call returns, because closures
/// copy the values they capture and nothing else keeps a frame.
/// </summary>
internal sealed class Frame(Slot[] slots, Closure? self, RunContext ctx)
{
    public Slot[] Slots = slots;
    public Closure? Self = self;
    public readonly RunContext Ctx = ctx;
}

/// <summary>
/// One frame slot. A struct wrapper, because storing into a <c>Slot[]</c> needs no array
/// covariance check, unlike storing into an <c>object[]</c>: slot writes happen on every call.
/// </summary>
internal struct Slot
{
    public object? Value;
}

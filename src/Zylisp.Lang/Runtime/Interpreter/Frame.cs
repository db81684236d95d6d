namespace Zylisp.Lang.Runtime.Interpreter;

/// <summary>The activation of one function arity (or top-level form): its slots, the running closure, and the context.</summary>
internal sealed class Frame(object?[] slots, Closure? self, RunContext ctx)
{
    public readonly object?[] Slots = slots;
    public readonly Closure? Self = self;
    public readonly RunContext Ctx = ctx;
}

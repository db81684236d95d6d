using System.Reflection.Emit;
using Zylisp.Lang.Analysis;

namespace Zylisp.Compiler.Clr.Emit;

/// <summary>
/// try/catch/finally. The stack is empty here (calls spill their operands when one contains a
/// try). The catch is a filter so it runs in the first pass of exception dispatch, before any
/// finally could move the running call site: it records that site, adds the call sites between
/// it and the try to the error's trace, and declines interrupts, as the interpreter's catch does.
/// </summary>
internal sealed partial class MethodEmitter
{
    private void EmitTry(TryNode t)
    {
        int enclosingSite = currentSite;
        var depth = il.DeclareLocal(typeof(int));
        var result = il.DeclareLocal(typeof(object));
        il.Emit(OpCodes.Ldarg, CtxArg);
        il.Emit(OpCodes.Callvirt, Members.Depth);
        il.Emit(OpCodes.Stloc, depth);

        if (t.Finally is not null)
        {
            il.BeginExceptionBlock();
        }

        if (t.Handler is not null)
        {
            EmitTryCatch(t, enclosingSite, depth, result);
        }
        else
        {
            EmitValue(t.Body);
            il.Emit(OpCodes.Stloc, result);
        }

        if (t.Finally is not null)
        {
            il.BeginFinallyBlock();
            il.Emit(OpCodes.Ldarg, CtxArg);
            il.Emit(OpCodes.Ldloc, depth);
            il.Emit(OpCodes.Callvirt, Members.RestoreDepth);
            EmitValue(t.Finally);
            il.Emit(OpCodes.Pop);
            SetSite(enclosingSite);
            il.EndExceptionBlock();
        }

        il.Emit(OpCodes.Ldloc, result);
    }

    private void EmitTryCatch(TryNode t, int enclosingSite, LocalBuilder depth, LocalBuilder result)
    {
        var exception = il.DeclareLocal(typeof(object));
        var caughtSite = il.DeclareLocal(typeof(int));
        il.BeginExceptionBlock();
        EmitValue(t.Body);
        il.Emit(OpCodes.Stloc, result);

        il.BeginExceptFilterBlock();
        il.Emit(OpCodes.Stloc, exception);
        il.Emit(OpCodes.Ldloc, siteLocal);
        il.Emit(OpCodes.Stloc, caughtSite);
        LoadSiteTable();
        il.Emit(OpCodes.Ldloc, exception);
        il.Emit(OpCodes.Ldloc, caughtSite);
        il.Emit(OpCodes.Ldc_I4, enclosingSite);
        il.Emit(OpCodes.Callvirt, Members.TraceForCatch);

        il.BeginCatchBlock(null);
        il.Emit(OpCodes.Castclass, typeof(Exception));
        il.Emit(OpCodes.Stloc, exception);
        SetSite(enclosingSite);
        LoadSiteTable();
        il.Emit(OpCodes.Ldarg, CtxArg);
        il.Emit(OpCodes.Ldloc, exception);
        il.Emit(OpCodes.Castclass, typeof(Exception));
        il.Emit(OpCodes.Ldloc, depth);
        LoadSpan(t.Span);
        il.Emit(OpCodes.Ldloc, caughtSite);
        il.Emit(OpCodes.Ldc_I4, enclosingSite);
        il.Emit(OpCodes.Callvirt, Members.Caught);
        il.Emit(OpCodes.Stloc, Slot(t.CatchLocal!.Slot));
        EmitValue(t.Handler!);
        il.Emit(OpCodes.Stloc, result);
        il.EndExceptionBlock();
    }
}

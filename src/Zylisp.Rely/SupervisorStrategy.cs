namespace Zylisp.Rely;

/// <summary>What else a supervisor restarts when one child must be restarted.</summary>
public enum SupervisorStrategy
{
    /// <summary>Only the failed child.</summary>
    OneForOne,
    /// <summary>All children: the others are stopped in reverse order, then all start in order.</summary>
    OneForAll,
    /// <summary>The failed child and every child started after it.</summary>
    RestForOne,
    /// <summary>Like OneForOne, but children are added at run time from one template <see cref="ChildSpec"/>.</summary>
    SimpleOneForOne,
}

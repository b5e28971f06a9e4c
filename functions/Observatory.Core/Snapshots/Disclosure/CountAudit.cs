namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>How the audit settled the feasible values of one withheld small count.</summary>
public enum AuditMethod
{
    /// <summary>A relation in which it is the only unknown gives it away: one value.</summary>
    Exposed,
    /// <summary>
    /// A direction was found along which every relation stays true: the true values moved by k along it stay whole
    /// and at least 1 for every k in a range, so the count can take every value of that range.
    /// </summary>
    Direction,
    /// <summary>The integer program (CP-SAT) solved for its smallest, largest and enough distinct feasible values.</summary>
    IntegerProgram,
}

/// <summary>The audit of one withheld small count: how many whole values the attacker is left with.</summary>
/// <param name="Cell">The cell's key (and the earlier version it comes from, when it is not the current one).</param>
/// <param name="Value">Its true value.</param>
/// <param name="Protected">True when at least threshold − 1 whole values are feasible.</param>
/// <param name="ValuesFound">Distinct feasible values found, counted up to threshold − 1.</param>
/// <param name="Lowest">The smallest feasible value shown (exact when solved by the integer program).</param>
/// <param name="Highest">The largest feasible value shown; null when there is no upper bound.</param>
/// <param name="Method">How it was settled.</param>
public sealed record CountAudit(string Cell, long Value, bool Protected, int ValuesFound, long Lowest, long? Highest, AuditMethod Method);

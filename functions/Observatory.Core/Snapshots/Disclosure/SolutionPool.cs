namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// Every whole-number solution of the attacker's system that the integer program has found while one table is
/// audited, each a value for every node. One solution shows a feasible value for every small count at once, so a count
/// whose values the pool already shows needs no solve of its own.
/// </summary>
/// <remarks>
/// A solution stays valid while the audit withholds more cells: withholding only turns known nodes into unknown ones,
/// and a solution gives every node that was known its true value, which a newly unknown node may still take. Solutions
/// are kept in the order found, so the audit stays deterministic.
/// </remarks>
internal sealed class SolutionPool
{
    private readonly List<long[]> _solutions = [];

    /// <summary>Keeps <paramref name="solution"/>: one value per node of the knowledge being audited.</summary>
    public void Add(long[] solution) => _solutions.Add(solution);

    /// <summary>The values <paramref name="node"/> takes in the solutions kept, in the order found (repeats included).</summary>
    public IEnumerable<long> ValuesOf(int node) => _solutions.Select(s => s[node]);
}

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// Checks the protection requirement for one withheld small count: given everything the attacker knows, the whole
/// values it can take must number at least threshold − 1.
/// </summary>
/// <remarks>
/// Three steps, cheapest first, each exact in what it concludes: relations that leave the count the only unknown,
/// directly or once other single unknowns are worked out, give it away; solutions the integer program already found
/// for other counts (<see cref="SolutionPool"/>) may show enough values; a balanced direction (the boxes of a
/// cross-classified table, <see cref="BoxDirection"/>, then a search, <see cref="DirectionSearch"/>) through it
/// proves a range of values; anything else goes to the integer program (<see cref="IntegerProgram"/>), which decides.
/// </remarks>
internal static class SmallCountAuditor
{
    /// <summary>
    /// Audits <paramref name="node"/> given which nodes are <paramref name="unknown"/>. Without
    /// <paramref name="exactRange"/> the integer program only looks for enough distinct values (quicker, for the
    /// choice of further cells); with it, it also solves for the smallest and largest, for the staff's report. The
    /// <paramref name="pool"/> of solutions found so far for the same knowledge saves solves.
    /// </summary>
    public static CountAudit Audit(AttackerKnowledge knowledge, bool[] unknown, int node, int threshold, bool exactRange = true, SolutionPool? pool = null)
    {
        var needed = threshold - 1;
        var value = knowledge.Value(node);
        if (IsExposed(knowledge, unknown, node))
            return new CountAudit(knowledge.Label(node), value, false, 1, value, value, AuditMethod.Exposed);

        // Solutions the integer program found for other counts may already show enough values; a search for a
        // direction would only repeat that proof (at the cost of its whole budget when it finds none).
        if (pool is not null && pool.ValuesOf(node).Append(value).Distinct().Count() >= needed)
            return IntegerProgram.Audit(knowledge, unknown, node, needed, exactRange, pool);
        if ((BoxDirection.Find(knowledge, unknown, node, needed) ?? DirectionSearch.Find(knowledge, unknown, node, needed)) is var (below, above))
        {
            var values = above is null ? needed : (int)Math.Min(needed, below + above.Value + 1);
            return new CountAudit(knowledge.Label(node), value, true, values, value - below, value + above, AuditMethod.Direction);
        }
        return IntegerProgram.Audit(knowledge, unknown, node, needed, exactRange, pool);
    }

    /// <summary>
    /// True when the published cells pin <paramref name="node"/> down: an equality relation whose other nodes are all
    /// known, or become known in turn (a relation with a single unknown gives that unknown away, and so on).
    /// </summary>
    private static bool IsExposed(AttackerKnowledge knowledge, bool[] unknown, int node)
    {
        var component = IntegerProgram.Component(knowledge, unknown, node);
        var relations = component.SelectMany(knowledge.RelationsOf).Distinct().Where(r => knowledge.Relations[r].IsEquality).ToList();
        var determined = new HashSet<int>();
        bool changed;
        do
        {
            changed = false;
            foreach (var index in relations)
            {
                var open = -1;
                var count = 0;
                foreach (var n in knowledge.Relations[index].Nodes)
                {
                    if (unknown[n] && !determined.Contains(n))
                    {
                        open = n;
                        count++;
                    }
                }
                if (count == 1 && determined.Add(open))
                {
                    if (open == node)
                        return true;
                    changed = true;
                }
            }
        }
        while (changed);
        return false;
    }
}

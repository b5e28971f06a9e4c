namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// Checks the protection requirement for one withheld small count: given everything the attacker knows, the whole
/// values it can take must number at least threshold − 1.
/// </summary>
/// <remarks>
/// Three steps, cheapest first, each exact in what it concludes: a relation in which the count is the only unknown
/// gives it away; a balanced direction through it (<see cref="DirectionSearch"/>) proves a range of values; anything
/// else goes to the integer program (<see cref="IntegerProgram"/>), which decides.
/// </remarks>
internal static class SmallCountAuditor
{
    /// <summary>Audits <paramref name="node"/> given which nodes are <paramref name="unknown"/>.</summary>
    public static CountAudit Audit(AttackerKnowledge knowledge, bool[] unknown, int node, int threshold)
    {
        var needed = threshold - 1;
        var value = knowledge.Value(node);
        if (IsExposed(knowledge, unknown, node))
            return new CountAudit(knowledge.Label(node), value, false, 1, value, value, AuditMethod.Exposed);

        if (DirectionSearch.Find(knowledge, unknown, node, needed) is var (below, above))
        {
            var values = above is null ? needed : (int)Math.Min(needed, below + above.Value + 1);
            return new CountAudit(knowledge.Label(node), value, true, values, value - below, value + above, AuditMethod.Direction);
        }
        return IntegerProgram.Audit(knowledge, unknown, node, needed);
    }

    /// <summary>True when an equality relation has <paramref name="node"/> as its only unknown.</summary>
    private static bool IsExposed(AttackerKnowledge knowledge, bool[] unknown, int node)
    {
        foreach (var index in knowledge.RelationsOf(node))
        {
            var relation = knowledge.Relations[index];
            if (relation.IsEquality && relation.Nodes.All(n => n == node || !unknown[n]))
                return true;
        }
        return false;
    }
}

using Observatory.Core.Domain;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// Disclosure control of the protected counts of one indicator of one state (domain.md, "Disclosure control"):
/// primary suppression, cells carried over from earlier versions of the year, and secondary suppression chosen by
/// auditing what an attacker could work out.
/// </summary>
/// <remarks>
/// <para>
/// Primary: a count with 1 ≤ value &lt; threshold is withheld. Zero is published. Carried: a cell withheld by an
/// earlier published version of the year stays withheld (unless it is now zero, which is published: a withheld
/// cell is read as at least 1).
/// </para>
/// <para>
/// The requirement: with everything the attacker knows (<see cref="AttackerKnowledge"/>: every version's published
/// cells, every additivity relation that holds in the stored data, withheld cells whole and at least 1), each
/// withheld small count of every version must have at least threshold − 1 feasible whole values. Each small count
/// is audited (<see cref="SmallCountAuditor"/>); while one fails, one more published cell linked to it is withheld
/// (never a zero, never a cell whose value an earlier version already published) and it is audited again. Withholding
/// more never shrinks what the attacker must consider, so a count that passed stays passed; a last audit of every
/// small count confirms it, and its results are kept for the staff's report.
/// </para>
/// <para>
/// Which cell next: among the relations around the failing count's unknowns, those in which a single unknown is
/// left pin it down, so their cells come first; then the smallest value; then the first in the table's row order
/// (code-list order). Same data, same cells withheld.
/// </para>
/// </remarks>
internal static class DisclosureControl
{
    /// <summary>Applies the rules to <paramref name="cells"/>, the observations of <paramref name="indicator"/> for one state in the version being compiled.</summary>
    /// <param name="indicator">The indicator; nothing is withheld unless it is a protected, submitted count.</param>
    /// <param name="cells">Its observations for the state.</param>
    /// <param name="index">The catalog's order of codes.</param>
    /// <param name="threshold">The threshold; at least 3.</param>
    /// <param name="earlier">The same indicator and state in the earlier published versions of the year, oldest first.</param>
    /// <exception cref="DisclosureControlException">No choice of cells meets the requirement.</exception>
    public static SuppressionOutcome Apply(Indicator indicator, IReadOnlyList<Observation> cells, CatalogIndex index, int threshold, IReadOnlyList<EarlierTable>? earlier = null)
    {
        if (!indicator.Protected || !indicator.IsNumeric || indicator.Derived || cells.Count == 0)
            return SuppressionOutcome.None;
        earlier ??= [];

        var table = CellTable.Create(indicator, cells, index);
        var knowledge = AttackerKnowledge.Build(table, earlier);
        var reasons = new WithholdingReason?[table.Count];
        var carriedKeys = earlier.SelectMany(e => e.Table.Cells.Where((_, i) => e.Withheld[i]).Select(c => c.Key)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < table.Count; i++)
        {
            if (table.Values[i] >= 1 && table.Values[i] < threshold)
                reasons[i] = WithholdingReason.Primary;
            else if (table.Values[i] >= 1 && carriedKeys.Contains(table.Cells[i].Key))
                reasons[i] = WithholdingReason.Carried;
        }

        var withheld = reasons.Select(r => r is not null).ToArray();
        var unknown = knowledge.IsUnknown(withheld);
        var secondary = new List<Observation>();
        var solutions = new SolutionPool();
        var pending = SmallCounts(knowledge, unknown, threshold);
        while (pending.Count > 0)
        {
            var failing = new List<int>();
            foreach (var node in pending)
            {
                if (SmallCountAuditor.Audit(knowledge, unknown, node, threshold, exactRange: false, solutions).Protected)
                    continue;
                var next = NextToWithhold(knowledge, unknown, withheld, node);
                if (next < 0)
                    throw new DisclosureControlException(
                        $"Disclosure control cannot protect {knowledge.Label(node)} of {table.Cells[0].Country} for {table.Cells[0].Year}: no published cell linked to it can be withheld.");
                withheld[next] = true;
                unknown[knowledge.CurrentNodes[next]] = true;
                reasons[next] = WithholdingReason.Secondary;
                secondary.Add(table.Cells[next]);
                failing.Add(node);
            }
            pending = failing;
        }

        var finalUnknown = knowledge.IsUnknown(withheld);
        var audits = SmallCounts(knowledge, finalUnknown, threshold).Select(n => SmallCountAuditor.Audit(knowledge, finalUnknown, n, threshold, pool: solutions)).ToList();
        if (audits.FirstOrDefault(a => !a.Protected) is { } leak)
            throw new DisclosureControlException($"Disclosure control's last audit found {leak.Cell} with {leak.ValuesFound} feasible value(s).");

        var outcome = new Dictionary<Observation, WithholdingReason>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < table.Count; i++)
        {
            if (reasons[i] is { } reason)
                outcome[table.Cells[i]] = reason;
        }
        return new SuppressionOutcome(outcome, secondary, audits);
    }

    /// <summary>The nodes the requirement protects: unknown to the attacker, with 1 ≤ value &lt; threshold, in node order.</summary>
    private static List<int> SmallCounts(AttackerKnowledge knowledge, bool[] unknown, int threshold) =>
        [.. Enumerable.Range(0, knowledge.NodeCount).Where(n => unknown[n] && knowledge.Value(n) >= 1 && knowledge.Value(n) < threshold)];

    /// <summary>The row of the current version to withhold next for the failing count <paramref name="node"/>; -1 when none can help.</summary>
    private static int NextToWithhold(AttackerKnowledge knowledge, bool[] unknown, bool[] withheld, int node)
    {
        var component = IntegerProgram.Component(knowledge, unknown, node);
        var around = IntegerProgram.RelationsOf(knowledge, component).ToList();
        var pinning = around.Where(r => r.Nodes.Count(n => unknown[n]) == 1).ToList();
        var best = Best(knowledge, withheld, pinning);
        return best >= 0 ? best : Best(knowledge, withheld, around);
    }

    private static int Best(AttackerKnowledge knowledge, bool[] withheld, List<Relation> relations)
    {
        var best = -1;
        foreach (var node in relations.SelectMany(r => r.Nodes))
        {
            var row = knowledge.CurrentRow(node);
            if (row < 0 || withheld[row] || knowledge.Value(node) <= 0 || knowledge.PublishedEarlier(node))
                continue;
            var current = best < 0 ? 0 : knowledge.Value(knowledge.CurrentNodes[best]);
            if (best < 0 || knowledge.Value(node) < current || (knowledge.Value(node) == current && row < best))
                best = row;
        }
        return best;
    }
}

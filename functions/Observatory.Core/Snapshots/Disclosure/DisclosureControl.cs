using Observatory.Core.Domain;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// Threshold rule with secondary suppression, for the protected counts of one indicator of one state.
/// </summary>
/// <remarks>
/// <para>Primary: a cell with 1 ≤ value &lt; threshold is withheld. Zero is published.</para>
/// <para>
/// Secondary: an additive group is a total (code _T along one dimension) and its parts (every other code, _U
/// included) with the other dimensions fixed. A group with exactly one withheld cell would give that cell away by
/// subtraction, so its smallest remaining non-zero part is withheld too, or its total when no such part is left.
/// Passes over every group repeat until one pass changes nothing; a cell withheld in one group may leave a crossing
/// group (SEX × AGE) with a single withheld cell, which the next visit repairs.
/// </para>
/// <para>
/// Deterministic: groups are visited by dimension in the indicator's order, then in the table's row order of their
/// fixed codes; among equally small parts the one first in the code list (F before M before _U) is chosen.
/// </para>
/// </remarks>
internal static class DisclosureControl
{
    /// <summary>Applies the rules to <paramref name="cells"/>, the observations of <paramref name="indicator"/> for one state.</summary>
    public static SuppressionOutcome Apply(Indicator indicator, IReadOnlyList<Observation> cells, CatalogIndex index, int threshold)
    {
        if (!indicator.Protected || !indicator.IsNumeric || indicator.Derived || cells.Count == 0)
            return SuppressionOutcome.None;

        var table = CellTable.Create(indicator, cells, index);
        var withheld = new bool[table.Count];
        var primary = new HashSet<Observation>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < table.Count; i++)
        {
            if (table.Values[i] >= 1 && table.Values[i] < threshold)
            {
                withheld[i] = true;
                primary.Add(table.Cells[i]);
            }
        }

        var secondary = new List<Observation>();
        if (primary.Count == 0)
            return new SuppressionOutcome(primary, secondary);

        var groups = AdditiveGroup.All(table);
        bool changed;
        do
        {
            changed = false;
            foreach (var group in groups)
            {
                if (group.CountWithheld(withheld) != 1)
                    continue;
                var next = group.NextToWithhold(withheld, table.Values);
                if (next < 0)
                    continue;
                withheld[next] = true;
                secondary.Add(table.Cells[next]);
                changed = true;
            }
        }
        while (changed);

        return new SuppressionOutcome(primary, secondary);
    }
}

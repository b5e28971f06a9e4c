using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// The balanced directions of a cross-classified table, tried before any search: along each dimension the count is
/// paired with one other code, and the direction is every combination of the chosen pairs. Pairing two parts flips
/// the sign (F +1, M −1 keeps their total); pairing a part with its total keeps it (F +1, _T +1). Each one-dimensional
/// group then holds two cells of the box that balance, or none, so every additivity relation stays true — which is
/// checked again on the attacker's relations before the direction is used.
/// </summary>
/// <remarks>
/// In a table with all margins this finds, for instance, the 2 × 2 × 2 × 2 hypercube of parts with alternating signs,
/// or a count with all its margins moving up together (no upper bound). Only cells of the current version are paired.
/// </remarks>
internal static class BoxDirection
{
    /// <summary>The widest range of values a box through <paramref name="node"/> gives it, when one gives at least <paramref name="needed"/>.</summary>
    public static (long Below, long? Above)? Find(AttackerKnowledge knowledge, bool[] unknown, int node, int needed)
    {
        var row = knowledge.CurrentRow(node);
        if (row < 0)
            return null;
        var table = knowledge.Current;
        var layout = knowledge.Layout;
        if (table.Codes[row].Length == 0)
            return null;

        (long Below, long Above)? best = null;
        foreach (var pairing in Pairings(table.Codes[row], layout.CodesAlong))
        {
            if (Measure(knowledge, unknown, layout, table.Codes[row], pairing) is not { } range)
                continue;
            if (best is null || Room(range) > Room(best.Value))
                best = range;
            if (range.Above == long.MaxValue)
                break;
        }
        if (best is not { } found || Room(found) + 1 < needed)
            return null;
        return (found.Below, found.Above == long.MaxValue ? null : found.Above);
    }

    private static long Room((long Below, long Above) range) => range.Above == long.MaxValue ? long.MaxValue - 1 : range.Below + range.Above;

    /// <summary>
    /// For each dimension, the code the count is paired with (its own code along a dimension without a total, where no
    /// relation runs); deterministic (code order of the table).
    /// </summary>
    private static IEnumerable<string[]> Pairings(string[] codes, string[][] codesAlong)
    {
        IEnumerable<string[]> pairings = [[]];
        for (var d = 0; d < codes.Length; d++)
        {
            var along = d;
            string[] partners = codesAlong[d].Contains(CodeList.Total) ? [.. codesAlong[d].Where(c => c != codes[along])] : [codes[along]];
            if (partners.Length == 0)
                return [];
            pairings = pairings.SelectMany(prefix => partners.Select(p => (string[])[.. prefix, p]));
        }
        return pairings.Take(1024);
    }

    // Every combination of (own code, partner) along each dimension, signed; null when a cell is missing or known, or
    // when a relation of the attacker's is not balanced by it.
    private static (long Below, long Above)? Measure(AttackerKnowledge knowledge, bool[] unknown, TableLayout layout, string[] codes, string[] partners)
    {
        var direction = new Dictionary<int, int>();
        long below = long.MaxValue, above = long.MaxValue;
        var combination = new string[codes.Length];
        var varying = Enumerable.Range(0, codes.Length).Where(d => partners[d] != codes[d]).ToArray();
        for (var mask = 0; mask < 1 << varying.Length; mask++)
        {
            var sign = 1;
            for (var d = 0; d < codes.Length; d++)
            {
                var bit = Array.IndexOf(varying, d);
                var partner = bit >= 0 && (mask >> bit & 1) == 1;
                combination[d] = partner ? partners[d] : codes[d];
                if (partner && codes[d] != CodeList.Total && partners[d] != CodeList.Total)
                    sign = -sign;
            }
            if (!layout.Rows.TryGetValue(string.Join('|', combination), out var row))
                return null;
            var node = knowledge.CurrentNodes[row];
            if (!unknown[node])
                return null;
            direction[node] = sign;
            var room = knowledge.Value(node) - 1;
            if (sign > 0) below = Math.Min(below, room);
            else above = Math.Min(above, room);
        }
        foreach (var index in direction.Keys.SelectMany(knowledge.RelationsOf).Distinct())
        {
            var relation = knowledge.Relations[index];
            var balance = -direction.GetValueOrDefault(relation.Total);
            foreach (var part in relation.Parts)
                balance += direction.GetValueOrDefault(part);
            if (balance != 0)
                return null;
        }
        return (below, above);
    }
}

/// <summary>The current table indexed once for the box search: rows by their codes, and the codes along each dimension.</summary>
internal sealed class TableLayout
{
    public TableLayout(CellTable table)
    {
        for (var i = 0; i < table.Count; i++)
            Rows[string.Join('|', table.Codes[i])] = i;
        var dimensions = table.Count == 0 ? 0 : table.Codes[0].Length;
        CodesAlong = [.. Enumerable.Range(0, dimensions).Select(d => table.Codes.Select(c => c[d]).Distinct(StringComparer.Ordinal).ToArray())];
    }

    /// <summary>The row of each combination of codes, joined with '|'.</summary>
    public Dictionary<string, int> Rows { get; } = new(StringComparer.Ordinal);

    /// <summary>The codes present along each dimension, in row order.</summary>
    public string[][] CodesAlong { get; }
}

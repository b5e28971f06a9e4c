using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>A total and its parts along one dimension, the other dimensions fixed: the total is the sum of the parts.</summary>
internal sealed class AdditiveGroup
{
    private readonly List<int> _parts = [];
    private int _total = -1;

    /// <summary>Every group of <paramref name="table"/>: by dimension in the indicator's order, then in row order.</summary>
    public static IReadOnlyList<AdditiveGroup> All(CellTable table)
    {
        var groups = new List<AdditiveGroup>();
        var dimensions = table.Indicator.Dimensions.Count;
        var key = new System.Text.StringBuilder();
        for (var d = 0; d < dimensions; d++)
        {
            var byFixedCodes = new Dictionary<string, AdditiveGroup>(StringComparer.Ordinal);
            for (var i = 0; i < table.Count; i++)
            {
                var fixedCodes = FixedCodes(key, table.Codes[i], d);
                if (!byFixedCodes.TryGetValue(fixedCodes, out var group))
                {
                    group = new AdditiveGroup();
                    byFixedCodes.Add(fixedCodes, group);
                    groups.Add(group);
                }
                // Rows are in code-list order, so the parts of a group are too; that order breaks ties.
                if (table.Codes[i][d] == CodeList.Total)
                    group._total = i;
                else
                    group._parts.Add(i);
            }
        }
        return groups;
    }

    /// <summary>How many of the group's cells are withheld.</summary>
    public int CountWithheld(bool[] withheld)
    {
        var count = _total >= 0 && withheld[_total] ? 1 : 0;
        foreach (var part in _parts)
        {
            if (withheld[part])
                count++;
        }
        return count;
    }

    /// <summary>
    /// The cell to withhold next: the smallest non-zero part still published (the first in code-list order among
    /// equals), else the total when it is published and non-zero; -1 when there is none.
    /// </summary>
    public int NextToWithhold(bool[] withheld, long[] values)
    {
        var smallest = -1;
        foreach (var part in _parts)
        {
            if (!withheld[part] && values[part] > 0 && (smallest < 0 || values[part] < values[smallest]))
                smallest = part;
        }
        if (smallest >= 0)
            return smallest;
        return _total >= 0 && !withheld[_total] && values[_total] > 0 ? _total : -1;
    }

    /// <summary>The codes of every dimension but <paramref name="along"/>: what the cells of one group share.</summary>
    private static string FixedCodes(System.Text.StringBuilder key, string[] codes, int along)
    {
        key.Clear();
        for (var d = 0; d < codes.Length; d++)
        {
            if (d != along)
                key.Append(codes[d]);
            key.Append('|');
        }
        return key.ToString();
    }
}

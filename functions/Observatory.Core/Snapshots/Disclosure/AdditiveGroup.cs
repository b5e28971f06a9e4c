using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// A total and its parts along one dimension, the other dimensions fixed (SEX = _T and SEX = F, M, _U, with the
/// same AGE): the cells that an additivity relation can link. Cells are rows of a <see cref="CellTable"/>.
/// </summary>
internal sealed class AdditiveGroup
{
    private readonly List<int> _parts = [];

    /// <summary>The row of the total (code _T along the group's dimension); -1 when the table has no such row.</summary>
    public int Total { get; private set; } = -1;

    /// <summary>The rows of the parts (every other code, _U included), in code-list order.</summary>
    public IReadOnlyList<int> Parts => _parts;

    /// <summary>Every group of <paramref name="table"/> with a total and at least one part: by dimension in the indicator's order, then in row order.</summary>
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
                if (table.Codes[i][d] == CodeList.Total)
                    group.Total = i;
                else
                    group._parts.Add(i);
            }
        }
        return [.. groups.Where(g => g.Total >= 0 && g._parts.Count > 0)];
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

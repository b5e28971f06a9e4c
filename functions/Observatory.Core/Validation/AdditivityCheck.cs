using System.Globalization;
using System.Runtime.InteropServices;
using Observatory.Core.Problems;
using Observatory.Core.ReferenceData;
using static Observatory.Core.Validation.ValidationCatalog;

namespace Observatory.Core.Validation;

/// <summary>
/// Along each dimension of a count, with the other dimensions fixed, the parts (every code but _T,
/// _U included) must not add up to more than the total (an error on the total's row); adding up to less
/// with no _U part given is a warning. One pass sums every group, a second pass (only when some group
/// fails) collects the rows of its parts for the message: O(cells × dimensions).
/// </summary>
internal static class AdditivityCheck
{
    public static void Run(Dictionary<CellKey, CellRecord> cells, ValidationCatalog catalog, ProblemSink sink)
    {
        var groups = new Dictionary<GroupKey, GroupSum>();
        foreach (var (key, cell) in cells)
        {
            var shape = catalog.Indicators[key.Indicator];
            if (!shape.Indicator.IsNumeric) continue;
            for (var position = 0; position < shape.Dimensions.Length; position++)
            {
                if (!IsPart(shape, key.Breakdown, position, out var group, out var unknown)) continue;
                ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, group, out _);
                sum.Add(cell.Number, unknown);
            }
        }

        var failing = new Dictionary<GroupKey, (CellRecord Total, long TotalValue, long Parts, bool Exceeds)>();
        foreach (var (group, sum) in groups)
        {
            if (sum.Parts == 0 || sum.Incomplete) continue;
            if (!cells.TryGetValue(new CellKey(group.Indicator, group.Total), out var total) || total.Number is not long totalValue) continue;
            if (sum.Sum > totalValue)
                failing.Add(group, (total, totalValue, sum.Sum, true));
            else if (sum.Sum < totalValue && !sum.HasUnknown)
                failing.Add(group, (total, totalValue, sum.Sum, false));
        }
        if (failing.Count == 0) return;

        var partRows = new Dictionary<GroupKey, List<int>>();
        foreach (var (key, cell) in cells)
        {
            var shape = catalog.Indicators[key.Indicator];
            if (!shape.Indicator.IsNumeric) continue;
            for (var position = 0; position < shape.Dimensions.Length; position++)
            {
                if (!IsPart(shape, key.Breakdown, position, out var group, out _) || !failing.ContainsKey(group)) continue;
                ref var rows = ref CollectionsMarshal.GetValueRefOrAddDefault(partRows, group, out _);
                (rows ??= []).Add(cell.Row);
            }
        }

        foreach (var (group, (total, totalValue, parts, exceeds)) in failing)
        {
            var rows = partRows[group];
            rows.Sort();
            var dimension = catalog.Indicators[group.Indicator].Dimensions[group.Position];
            sink.Add(
                exceeds ? Severity.Error : Severity.Warning,
                ProblemTypes.RowConstraint,
                total.Sheet, total.Row, total.ValueColumn, ReturnColumn.Value, total.ValueText,
                exceeds ? ValidationMessages.PartsExceedTotal : ValidationMessages.PartsBelowTotal,
                [Invariant(totalValue), Invariant(parts), Invariant(Math.Abs(parts - totalValue))],
                [dimension.List.Labels, RowReference.List(rows)]);
        }
    }

    /// <summary>True when the cell is a part along dimension <paramref name="position"/>; gives its group.</summary>
    private static bool IsPart(IndicatorShape shape, long breakdown, int position, out GroupKey group, out bool unknown)
    {
        var dimension = shape.Dimensions[position];
        var code = IndicatorShape.CodeAt(breakdown, position);
        unknown = code == dimension.Unknown;
        group = new GroupKey(shape.Index, position, IndicatorShape.WithCode(breakdown, position, dimension.Total));
        return code != dimension.Total;
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}

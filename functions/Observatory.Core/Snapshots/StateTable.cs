using Observatory.Core.Domain;
using Observatory.Core.Observations;
using Observatory.Core.ReferenceData;
using Observatory.Core.Snapshots.Disclosure;

namespace Observatory.Core.Snapshots;

/// <summary>
/// The published rows of one state: its accepted observations with derived rates added and disclosure control
/// applied, in the table's order (indicator in catalog order, then each dimension's codes in code-list order).
/// </summary>
internal sealed class StateTable
{
    private StateTable(IReadOnlyList<PublishedRow> rows, IReadOnlyList<string> indicatorsReported, IReadOnlyList<DisclosureTableReport> disclosure)
    {
        Rows = rows;
        IndicatorsReported = indicatorsReported;
        Disclosure = disclosure;
    }

    public IReadOnlyList<PublishedRow> Rows { get; }

    /// <summary>The submitted indicators with at least one observation, in catalog order.</summary>
    public IReadOnlyList<string> IndicatorsReported { get; }

    /// <summary>How many rows are published without their value (flag suppressed), derived rates included.</summary>
    public long Withheld => Rows.LongCount(r => r.Flag == FlagCodes.Suppressed);

    /// <summary>For the staff's report: what disclosure control withheld in each protected indicator, and its audit.</summary>
    public IReadOnlyList<DisclosureTableReport> Disclosure { get; }

    /// <summary>The published rows of one state.</summary>
    /// <param name="set">The state's current accepted data.</param>
    /// <param name="state">The state.</param>
    /// <param name="index">The catalog.</param>
    /// <param name="threshold">The suppression threshold.</param>
    /// <param name="history">What the earlier published versions of the year showed; none by default.</param>
    public static StateTable Build(ObservationSet set, MemberState state, CatalogIndex index, int threshold, PublishedHistory? history = null)
    {
        history ??= PublishedHistory.None;
        var byIndicator = GroupByIndicator(set, index);
        var acceptedAt = PublishedFormat.ToSecond(set.AcceptedAt);
        var stateText = new PublishedRowText(PublishedFormat.Year(set.Year), null, PublishedFormat.Timestamp(acceptedAt));
        var rows = new List<(int Position, string[] Codes, PublishedRow Row)>(set.Observations.Count + 1);
        var outcomes = new Dictionary<string, SuppressionOutcome>(StringComparer.Ordinal);
        var disclosure = new List<DisclosureTableReport>();

        foreach (var (position, indicator, cells) in byIndicator)
        {
            var outcome = DisclosureControl.Apply(indicator, cells, index, threshold, history.For(set, indicator, index));
            outcomes[indicator.Code] = outcome;
            if (outcome.Withheld.Count > 0 || outcome.Audits.Count > 0)
                disclosure.Add(Report(set.Country, indicator, outcome, index));
            foreach (var cell in cells)
            {
                var codes = CellTable.CodesOf(cell, indicator.Dimensions);
                var suppressed = outcome.IsSuppressed(cell);
                rows.Add((position, codes, Row(state, set, acceptedAt, stateText, indicator, codes, index,
                    number: suppressed ? null : cell.Value.Number,
                    decimals: 0,
                    code: cell.Value.Code,
                    flag: suppressed ? FlagCodes.Suppressed : cell.Flag,
                    note: suppressed ? null : cell.Note)));
            }
        }

        foreach (var rate in DerivedRate.Known)
        {
            if (!index.TryGetIndicator(rate.Code, out var indicator, out var position) || !indicator.Derived)
                continue;
            var numerator = TotalCell(byIndicator, rate.Numerator);
            var denominator = TotalCell(byIndicator, rate.Denominator);
            if (numerator?.Value.Number is not { } count || denominator?.Value.Number is not { } population)
                continue;
            if (rate.Compute(count, population) is not { } value)
                continue;
            var suppressed = outcomes.TryGetValue(rate.Numerator, out var outcome) && outcome.IsSuppressed(numerator);
            var codes = indicator.Dimensions.Select(_ => CodeList.Total).ToArray();
            rows.Add((position, codes, Row(state, set, acceptedAt, stateText, indicator, codes, index,
                number: suppressed ? null : value,
                decimals: rate.Decimals,
                code: null,
                flag: suppressed ? FlagCodes.Suppressed : CombinedFlag(numerator.Flag, denominator!.Flag),
                note: null)));
        }

        rows.Sort((a, b) =>
        {
            var order = a.Position.CompareTo(b.Position);
            return order != 0 ? order : CellTable.CompareCodes(a.Codes, b.Codes, a.Row.Indicator.Dimensions, index);
        });
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Position == rows[i - 1].Position && CellTable.CompareCodes(rows[i].Codes, rows[i - 1].Codes, rows[i].Row.Indicator.Dimensions, index) == 0)
                throw new InvalidDataException(
                    $"The accepted data of {set.Country} for {set.Year} has the cell {ObservationKey.Of(rows[i].Row.Indicator.Code, rows[i].Row.Indicator.Dimensions.Zip(rows[i].Codes, KeyValuePair.Create))} twice.");
        }
        var reported = byIndicator.Where(g => !g.Indicator.Derived && g.Cells.Count > 0).Select(g => g.Indicator.Code).ToList();
        return new StateTable([.. rows.Select(r => r.Row)], reported, disclosure);
    }

    private static DisclosureTableReport Report(string country, Indicator indicator, SuppressionOutcome outcome, CatalogIndex index)
    {
        var withheld = outcome.Withheld
            .Select(p => (Codes: CellTable.CodesOf(p.Key, indicator.Dimensions), Cell: new WithheldCell(p.Key.Key, p.Value)))
            .OrderBy(c => c.Codes, Comparer<string[]>.Create((a, b) => CellTable.CompareCodes(a, b, indicator.Dimensions, index)))
            .Select(c => c.Cell)
            .ToList();
        return new DisclosureTableReport(country, indicator.Code, withheld, outcome.Audits);
    }

    private static List<(int Position, Indicator Indicator, List<Observation> Cells)> GroupByIndicator(ObservationSet set, CatalogIndex index)
    {
        var groups = new Dictionary<string, (int Position, Indicator Indicator, List<Observation> Cells)>(StringComparer.Ordinal);
        foreach (var observation in set.Observations)
        {
            if (!groups.TryGetValue(observation.Indicator, out var group))
            {
                if (!index.TryGetIndicator(observation.Indicator, out var indicator, out var position))
                    throw new InvalidDataException(
                        $"The accepted data of {set.Country} for {set.Year} has indicator {observation.Indicator}, which catalog version {index.Catalog.Version} does not list.");
                group = (position, indicator, []);
                groups.Add(observation.Indicator, group);
            }
            // A derived indicator is never submitted; if one was stored, the snapshot computes it afresh instead.
            if (!group.Indicator.Derived)
                group.Cells.Add(observation);
        }
        return [.. groups.Values.OrderBy(g => g.Position)];
    }

    private static Observation? TotalCell(List<(int Position, Indicator Indicator, List<Observation> Cells)> byIndicator, string code)
    {
        foreach (var (_, indicator, cells) in byIndicator)
        {
            if (indicator.Code != code)
                continue;
            return cells.FirstOrDefault(c => CellTable.CodesOf(c, indicator.Dimensions).All(x => x == CodeList.Total));
        }
        return null;
    }

    // A rate from an estimate is an estimate; from a provisional figure, provisional.
    private static string? CombinedFlag(string? numerator, string? denominator) =>
        numerator == FlagCodes.Estimated || denominator == FlagCodes.Estimated ? FlagCodes.Estimated
        : numerator == FlagCodes.Provisional || denominator == FlagCodes.Provisional ? FlagCodes.Provisional
        : null;

    private static PublishedRow Row(
        MemberState state, ObservationSet set, DateTime acceptedAt, PublishedRowText stateText, Indicator indicator, string[] codes, CatalogIndex index,
        decimal? number, int decimals, string? code, string? flag, string? note)
    {
        var columns = new string?[index.Dimensions.Count];
        for (var d = 0; d < indicator.Dimensions.Count; d++)
        {
            var column = index.DimensionColumn(indicator.Dimensions[d]);
            if (column >= 0)
                columns[column] = codes[d];
        }
        var text = number is { } value ? stateText with { Value = PublishedFormat.Number(value, decimals) } : stateText;
        return new PublishedRow(state, set.Year, indicator, columns, number, decimals, code, flag,
            string.IsNullOrEmpty(note) ? null : note, set.SubmissionId, acceptedAt, text);
    }
}

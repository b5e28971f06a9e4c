using System.Globalization;
using Observatory.Core.Problems;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Validation;

/// <summary>
/// Persons convicted (CT_PERS_CONV) are normally no more than persons prosecuted (CT_PERS_PROS) in the
/// same breakdown. More is possible (convictions of cases prosecuted in earlier years), so it is a warning.
/// </summary>
internal static class ConvictionsCheck
{
    /// <summary>The indicator of persons convicted.</summary>
    public const string Convictions = "CT_PERS_CONV";

    /// <summary>The indicator of persons prosecuted.</summary>
    public const string Prosecutions = "CT_PERS_PROS";

    public static void Run(Dictionary<CellKey, CellRecord> cells, ValidationCatalog catalog, ProblemSink sink)
    {
        var convictions = catalog.Find(Convictions);
        var prosecutions = catalog.Find(Prosecutions);
        // Packed breakdowns are comparable only between indicators with the same dimensions.
        if (convictions is null || prosecutions is null ||
            !convictions.Indicator.Dimensions.SequenceEqual(prosecutions.Indicator.Dimensions, StringComparer.Ordinal))
            return;

        foreach (var (key, convicted) in cells)
        {
            if (key.Indicator != convictions.Index || convicted.Number is not long convictedCount) continue;
            if (!cells.TryGetValue(key with { Indicator = prosecutions.Index }, out var prosecuted) ||
                prosecuted.Number is not long prosecutedCount ||
                convictedCount <= prosecutedCount)
                continue;
            sink.Add(
                Severity.Warning, ProblemTypes.RowConstraint,
                convicted.Sheet, convicted.Row, convicted.ValueColumn, ReturnColumn.Value, convicted.ValueText,
                ValidationMessages.ConvictionsExceedProsecutions,
                [
                    convictedCount.ToString(CultureInfo.InvariantCulture),
                    prosecutedCount.ToString(CultureInfo.InvariantCulture),
                    RowReference.To(prosecuted.Sheet, prosecuted.Row, convicted.Sheet),
                ]);
        }
    }
}

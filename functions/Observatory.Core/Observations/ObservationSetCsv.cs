using System.Globalization;
using Observatory.Core.ReferenceData;
using Observatory.Core.Snapshots.Writers;

namespace Observatory.Core.Observations;

/// <summary>
/// A state's stored observations as CSV, written by the same writer as the published snapshot's files (quoting,
/// byte-order mark and formula neutralising included): one row per observation, one column per dimension of the catalog.
/// </summary>
public static class ObservationSetCsv
{
    /// <summary>The media type of what <see cref="WriteAsync"/> writes.</summary>
    public const string ContentType = "text/csv; charset=utf-8";

    /// <summary>Writes <paramref name="set"/> to <paramref name="output"/>, which stays open.</summary>
    /// <param name="set">The observations of one state and year.</param>
    /// <param name="catalog">The catalog whose dimensions become the columns, in its order.</param>
    /// <param name="output">Where the CSV goes.</param>
    /// <param name="cancellationToken">Cancels the writing.</param>
    public static async Task WriteAsync(ObservationSet set, IndicatorCatalog catalog, Stream output, CancellationToken cancellationToken)
    {
        var dimensions = catalog.CodeLists.Where(list => list.IsDimension).Select(list => list.Id).ToList();
        await using var csv = new CsvTableWriter(output);
        await csv.WriteRowAsync(["country", "year", "indicator", .. dimensions, "value", "note", "flag", "submissionId"], cancellationToken);
        foreach (var observation in set.Observations)
        {
            var byId = observation.Dimensions.ToDictionary(dimension => dimension.Key, dimension => dimension.Value);
            await csv.WriteRowAsync(
                [observation.Country, observation.Year.ToString(CultureInfo.InvariantCulture), observation.Indicator,
                 .. dimensions.Select(dimension => byId.GetValueOrDefault(dimension)), observation.Value.ToString(),
                 observation.Note, observation.Flag, set.SubmissionId],
                cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }
}

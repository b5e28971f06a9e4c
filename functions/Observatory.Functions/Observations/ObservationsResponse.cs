using Microsoft.AspNetCore.Mvc;
using Observatory.Core.Observations;
using Observatory.Core.ReferenceData;

namespace Observatory.Functions.Observations;

/// <summary>The answers of GET /api/observations: the state-year's accepted version and its observations, in JSON or CSV.</summary>
public static class ObservationsResponse
{
    /// <summary>The CSV file of <paramref name="set"/>, written by Core's <see cref="ObservationSetCsv"/>.</summary>
    public static async Task<IActionResult> CsvAsync(ObservationSet set, IndicatorCatalog catalog, CancellationToken cancellationToken)
    {
        using var csv = new MemoryStream();
        await ObservationSetCsv.WriteAsync(set, catalog, csv, cancellationToken);
        return new FileContentResult(csv.ToArray(), ObservationSetCsv.ContentType);
    }

    /// <summary>The JSON body for <paramref name="set"/>.</summary>
    public static object Of(ObservationSet set) => new
    {
        country = set.Country,
        year = set.Year,
        submissionId = set.SubmissionId,
        acceptedAt = set.AcceptedAt,
        observations = set.Observations.Select(o => new
        {
            indicator = o.Indicator,
            dimensions = o.Dimensions.ToDictionary(d => d.Key, d => d.Value),
            value = o.Value.Number is { } n ? (object)n : o.Value.Code,
            note = o.Note,
            flag = o.Flag,
        }),
    };
}

using Observatory.Core.Observations;

namespace Observatory.Functions.Observations;

/// <summary>The JSON body of GET /api/observations: the state-year's accepted version and its observations.</summary>
public static class ObservationsResponse
{
    /// <summary>The answer for <paramref name="set"/>.</summary>
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

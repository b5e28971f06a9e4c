using Observatory.Core.Domain;

namespace Observatory.Benchmarks.Data;

/// <summary>Normalized observations for the storing and compiling benchmarks: the generated return's rows as the validator stores them.</summary>
public static class ObservationData
{
    /// <summary>The first <paramref name="count"/> observations of <paramref name="country"/> for <paramref name="year"/>.</summary>
    public static List<Observation> For(string country, int year, int count, int seed = 0) =>
    [
        .. ReturnContent.Rows(country, year, count, seed).Select(row => new Observation(
            country, year, row.Indicator, ReturnContent.Dimensions(row), ObservationValue.Of(row.Value), row.Note, null)),
    ];
}

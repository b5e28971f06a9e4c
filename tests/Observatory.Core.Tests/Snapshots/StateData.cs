using Observatory.Core.Domain;
using Observatory.Core.Observations;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Tests.Snapshots;

/// <summary>Builds a state's accepted data the way storage returns it: every dimension of the indicator given, _T by default.</summary>
internal sealed class StateData(string country, int year = 2025)
{
    private readonly List<Observation> _observations = [];

    public static DateTimeOffset AcceptedAt { get; } = new(2026, 2, 14, 9, 30, 15, 250, TimeSpan.Zero);

    /// <summary>A count; <paramref name="cell"/> is "SEX=F AGE=Y0T11" style, dimensions left out are _T.</summary>
    public StateData Count(string indicator, string cell, long value, string? note = null, string? flag = null)
    {
        _observations.Add(new Observation(country, year, indicator, Dimensions(indicator, cell), ObservationValue.Of(value), note, flag));
        return this;
    }

    /// <summary>A coded value of an indicator without dimensions.</summary>
    public StateData Code(string indicator, string code, string? note = null)
    {
        _observations.Add(new Observation(country, year, indicator, [], ObservationValue.Of(code), note, null));
        return this;
    }

    /// <summary>A table of counts along two dimensions: rows of <paramref name="rowDimension"/>, columns of <paramref name="columnDimension"/>.</summary>
    public StateData Table(string indicator, string rowDimension, string[] rowCodes, string columnDimension, string[] columnCodes, long[,] values)
    {
        for (var r = 0; r < rowCodes.Length; r++)
        {
            for (var c = 0; c < columnCodes.Length; c++)
                Count(indicator, $"{rowDimension}={rowCodes[r]} {columnDimension}={columnCodes[c]}", values[r, c]);
        }
        return this;
    }

    public IReadOnlyList<Observation> Observations => _observations;

    public ObservationSet ToSet(string? submissionId = null) =>
        new(country, year, submissionId ?? $"sub-{country.ToLowerInvariant()}-{year}", AcceptedAt, [.. _observations.OrderBy(o => o.Key, StringComparer.Ordinal)]);

    public static string KeyOf(string indicator, string cell) => ObservationKey.Of(indicator, Dimensions(indicator, cell));

    private static List<KeyValuePair<string, string>> Dimensions(string indicator, string cell)
    {
        var given = cell.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var dimensions = TestReferenceData.Indicator(indicator).Dimensions;
        var unknown = given.Keys.Except(dimensions).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"{indicator} has no dimension {string.Join(", ", unknown)}.");
        return [.. dimensions.Select(d => new KeyValuePair<string, string>(d, given.GetValueOrDefault(d, CodeList.Total)))];
    }
}

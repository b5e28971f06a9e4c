using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Series;

/// <summary>
/// Reads the rows of a published annual snapshot back from its observations.json, one state at a time, exactly as
/// they were published: the time series is built from what each version published, never from the stored data, so
/// it cannot show a cell that disclosure control withheld there.
/// </summary>
/// <remarks>
/// observations.json is read rather than the CSV because it carries each note as written (the CSV neutralises notes
/// a spreadsheet would run) and each value in the fixed text form every format shares.
/// </remarks>
internal static class PublishedRowReader
{
    /// <summary>The rows of one published version, a list per state in the order the file has them (ISO3 order).</summary>
    /// <param name="observationsJson">The version's observations.json.</param>
    /// <param name="source">The year and version the file belongs to; every row must be of that year.</param>
    /// <param name="index">The catalog: every indicator of the file must be in it.</param>
    /// <param name="states">The member states: every state of the file must be in it.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    /// <exception cref="InvalidDataException">A row of another year, an unknown state or indicator, or a malformed value.</exception>
    public static async IAsyncEnumerable<IReadOnlyList<PublishedRow>> ReadStatesAsync(
        Stream observationsJson, SeriesSource source, CatalogIndex index, MemberStateRegistry states, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var year = PublishedFormat.Year(source.Year);
        var rows = new List<PublishedRow>();
        await foreach (var element in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(observationsJson, cancellationToken: cancellationToken))
        {
            var row = ToRow(element, source, year, index, states);
            if (rows.Count > 0 && rows[^1].State.Iso3 != row.State.Iso3)
            {
                yield return rows;
                rows = [];
            }
            rows.Add(row);
        }
        if (rows.Count > 0)
            yield return rows;
    }

    private static PublishedRow ToRow(JsonElement element, SeriesSource source, string year, CatalogIndex index, MemberStateRegistry states)
    {
        string? Text(string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;
        string Required(string name) =>
            Text(name) ?? throw new InvalidDataException($"A row of {source.Year} version {source.Version} has no {name}.");

        var state = states.FindByIso3(Required("country")) is { } found && found.Iso3 == Required("country") ? found
            : throw new InvalidDataException($"{source.Year} version {source.Version} publishes {Required("country")}, which the member-state registry lacks.");
        if (!element.TryGetProperty("year", out var rowYear) || rowYear.GetRawText() != year)
            throw new InvalidDataException($"The observations.json of {source.Year} version {source.Version} has a row of another year.");
        if (!index.TryGetIndicator(Required("indicator"), out var indicator, out _))
            throw new InvalidDataException($"{source.Year} version {source.Version} publishes {Required("indicator")}, which catalog version {index.Catalog.Version} lacks.");

        var dimensions = index.Dimensions.Select(d => Text(d.Id)).ToArray();
        string? value = null;
        decimal? number = null;
        var decimals = 0;
        if (element.TryGetProperty("value", out var valueElement) && valueElement.ValueKind == JsonValueKind.Number)
        {
            value = valueElement.GetRawText();
            number = decimal.Parse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            decimals = value.IndexOf('.') is var point and >= 0 ? value.Length - point - 1 : 0;
        }
        var acceptedAtText = Required("accepted_at");
        var acceptedAt = DateTime.ParseExact(acceptedAtText, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

        return new PublishedRow(state, source.Year, indicator, dimensions, number, decimals, Text("value_code"), Text("flag"), Text("note"),
            Required("submission_id"), acceptedAt, new PublishedRowText(year, value, acceptedAtText))
        {
            Version = source.Version,
        };
    }
}

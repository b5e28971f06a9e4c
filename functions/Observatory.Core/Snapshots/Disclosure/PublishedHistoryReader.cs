using System.Text.Json;
using Observatory.Core.Domain;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Sylvan.Data.Csv;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// Reads what the earlier published versions of a year showed: the submission of each state and which cells it
/// withheld, from the version's disclosure report (one read), or, for a version published before reports were kept,
/// from its own coverage.csv and observations.json (what the public has). The true values come from the observation store, by
/// submission, when the publisher reads each state.
/// </summary>
public sealed class PublishedHistoryReader
{
    private readonly ISnapshotStore _snapshots;
    private readonly IDisclosureReportStore _reports;
    private readonly IndicatorCatalog _catalog;

    /// <summary>Creates the reader.</summary>
    public PublishedHistoryReader(ISnapshotStore snapshots, IDisclosureReportStore reports, IndicatorCatalog catalog)
    {
        _snapshots = snapshots;
        _reports = reports;
        _catalog = catalog;
    }

    /// <summary>Every published version of <paramref name="year"/>, oldest first.</summary>
    /// <exception cref="InvalidDataException">A published version cannot be read back.</exception>
    public async Task<PublishedHistory> ReadAsync(int year, CancellationToken cancellationToken)
    {
        var versions = (await _snapshots.ListAsync(cancellationToken))
            .Where(s => s.Manifest.Year == year)
            .Select(s => s.Manifest.Version)
            .Order(StringComparer.Ordinal)
            .ToList();
        var history = new List<PublishedVersion>();
        foreach (var version in versions)
        {
            var report = await _reports.FindAsync(year, version, cancellationToken);
            var submissions = report?.Submissions ?? await ReadSubmissionsAsync(year, version, cancellationToken);
            var withheld = report is not null
                ? report.Tables.GroupBy(t => t.Country, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.SelectMany(t => t.Withheld).Select(w => w.Cell).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal)
                : await ReadWithheldFromPublishedAsync(year, version, cancellationToken);
            var states = submissions.ToDictionary(
                s => s.Key,
                s => new PublishedState(s.Value, withheld.GetValueOrDefault(s.Key) ?? new HashSet<string>(StringComparer.Ordinal)),
                StringComparer.Ordinal);
            history.Add(new PublishedVersion(version, states));
        }
        return new PublishedHistory(history);
    }

    private async Task<Stream> OpenAsync(int year, string version, string name, CancellationToken cancellationToken) =>
        (await _snapshots.OpenFileAsync(year, version, name, cancellationToken)
            ?? throw new InvalidDataException($"Version {version} of {year} is listed but its {name} cannot be read.")).Content;

    // coverage.csv: the submission each state's rows came from (blank for a state without data).
    private async Task<IReadOnlyDictionary<string, string>> ReadSubmissionsAsync(int year, string version, CancellationToken cancellationToken)
    {
        var submissions = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var content = await OpenAsync(year, version, SnapshotFileNames.CoverageCsv, cancellationToken);
        using var text = new StreamReader(content, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        await using var csv = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HasHeaders = true }, cancellationToken);
        var country = csv.GetOrdinal("country");
        var submission = csv.GetOrdinal("submission_id");
        while (await csv.ReadAsync(cancellationToken))
        {
            if (csv.GetString(submission) is { Length: > 0 } id)
                submissions[csv.GetString(country)] = id;
        }
        return submissions;
    }

    // observations.json, one row per line: the protected cells flagged suppressed.
    private async Task<Dictionary<string, HashSet<string>>> ReadWithheldFromPublishedAsync(int year, string version, CancellationToken cancellationToken)
    {
        var protectedIndicators = _catalog.Indicators.Where(i => i.Protected && i.IsNumeric && !i.Derived).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var withheld = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        await using var content = await OpenAsync(year, version, SnapshotFileNames.ObservationsJson, cancellationToken);
        await foreach (var row in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(content, cancellationToken: cancellationToken))
        {
            if (Text(row, "indicator") is not { } code || !protectedIndicators.TryGetValue(code, out var indicator) || Text(row, "flag") != FlagCodes.Suppressed)
                continue;
            var country = Text(row, "country") ?? throw new InvalidDataException($"A row of version {version} of {year} has no country.");
            if (!withheld.TryGetValue(country, out var keys))
                withheld[country] = keys = new HashSet<string>(StringComparer.Ordinal);
            keys.Add(ObservationKey.Of(indicator.Code, indicator.Dimensions.Select(d => KeyValuePair.Create(d, Text(row, d) ?? CodeList.Total))));
        }
        return withheld;
    }

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

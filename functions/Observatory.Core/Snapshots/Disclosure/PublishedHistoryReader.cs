using System.Text.Json;
using Observatory.Core.Domain;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// Reads what the earlier published versions of a year showed: which cells each withheld, from its own
/// observations.json (what the public has), and the true values it was compiled from, from the stored version of
/// the submission each row names.
/// </summary>
public sealed class PublishedHistoryReader
{
    private readonly ISnapshotStore _snapshots;
    private readonly IObservationStore _observations;
    private readonly IndicatorCatalog _catalog;

    /// <summary>Creates the reader.</summary>
    public PublishedHistoryReader(ISnapshotStore snapshots, IObservationStore observations, IndicatorCatalog catalog)
    {
        _snapshots = snapshots;
        _observations = observations;
        _catalog = catalog;
    }

    /// <summary>Every published version of <paramref name="year"/>, oldest first, with what it showed of each state's protected counts.</summary>
    /// <exception cref="InvalidDataException">A published version cannot be read back, or the data it was compiled from is gone.</exception>
    public async Task<PublishedHistory> ReadAsync(int year, CancellationToken cancellationToken)
    {
        var protectedIndicators = _catalog.Indicators.Where(i => i.Protected && i.IsNumeric && !i.Derived).ToDictionary(i => i.Code, StringComparer.Ordinal);
        var versions = (await _snapshots.ListAsync(cancellationToken))
            .Where(s => s.Manifest.Year == year)
            .Select(s => s.Manifest.Version)
            .Order(StringComparer.Ordinal)
            .ToList();
        var stored = new Dictionary<string, IReadOnlyList<Observation>>(StringComparer.Ordinal);
        var history = new List<PublishedVersion>();
        foreach (var version in versions)
        {
            var shown = await ReadPublishedAsync(year, version, protectedIndicators, cancellationToken);
            var states = new Dictionary<string, PublishedState>(StringComparer.Ordinal);
            foreach (var (country, (submissionId, withheld)) in shown)
            {
                if (!stored.TryGetValue(submissionId, out var observations))
                {
                    var all = await _observations.ReadVersionAsync(country, year, submissionId, cancellationToken)
                        ?? throw new InvalidDataException($"Version {version} of {year} published submission {submissionId}, whose data is no longer stored: the disclosure audit cannot cover it.");
                    observations = [.. all.Where(o => protectedIndicators.ContainsKey(o.Indicator))];
                    stored[submissionId] = observations;
                }
                states[country] = new PublishedState(submissionId, observations, withheld);
            }
            history.Add(new PublishedVersion(version, states));
        }
        return new PublishedHistory(history);
    }

    // One row per line of observations.json; only the protected counts matter here.
    private async Task<Dictionary<string, (string SubmissionId, HashSet<string> Withheld)>> ReadPublishedAsync(
        int year, string version, Dictionary<string, Indicator> protectedIndicators, CancellationToken cancellationToken)
    {
        var file = await _snapshots.OpenFileAsync(year, version, SnapshotFileNames.ObservationsJson, cancellationToken)
            ?? throw new InvalidDataException($"Version {version} of {year} is listed but its {SnapshotFileNames.ObservationsJson} cannot be read.");
        var shown = new Dictionary<string, (string, HashSet<string>)>(StringComparer.Ordinal);
        await using (file.Content)
        {
            await foreach (var row in JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(file.Content, cancellationToken: cancellationToken))
            {
                var indicatorCode = Text(row, "indicator");
                if (indicatorCode is null || !protectedIndicators.TryGetValue(indicatorCode, out var indicator))
                    continue;
                var country = Text(row, "country") ?? throw new InvalidDataException($"A row of version {version} of {year} has no country.");
                var submissionId = Text(row, "submission_id") ?? throw new InvalidDataException($"A row of version {version} of {year} has no submission.");
                if (!shown.TryGetValue(country, out var state))
                {
                    state = (submissionId, new HashSet<string>(StringComparer.Ordinal));
                    shown[country] = state;
                }
                if (Text(row, "flag") == FlagCodes.Suppressed)
                    state.Item2.Add(ObservationKey.Of(indicator.Code, indicator.Dimensions.Select(d => KeyValuePair.Create(d, Text(row, d) ?? CodeList.Total))));
            }
        }
        return shown;
    }

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

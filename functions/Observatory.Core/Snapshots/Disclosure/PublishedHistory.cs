using System.Collections.Concurrent;
using Observatory.Core.Domain;
using Observatory.Core.Observations;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// What the earlier published versions of a reporting year showed, for the disclosure audit of a new version: for
/// each version and state, the submission it published and which cells it withheld; and the true values of those
/// submissions, where they are not the state's current data.
/// </summary>
public sealed class PublishedHistory
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Observation>> _data = new(StringComparer.Ordinal);

    /// <summary>Creates the history of the earlier versions, oldest first.</summary>
    public PublishedHistory(IReadOnlyList<PublishedVersion> versions) => Versions = versions;

    /// <summary>No earlier version: the first of the year.</summary>
    public static PublishedHistory None => new([]);

    /// <summary>The earlier versions, oldest first.</summary>
    public IReadOnlyList<PublishedVersion> Versions { get; }

    /// <summary>
    /// The submissions earlier versions published for <paramref name="country"/> other than its current one: their
    /// stored data must be given with <see cref="AddData"/> before the state is compiled.
    /// </summary>
    public IEnumerable<string> EarlierSubmissionsOf(string country, string currentSubmission) =>
        Versions.Select(v => v.States.GetValueOrDefault(country)?.SubmissionId)
            .OfType<string>()
            .Where(s => s != currentSubmission && !_data.ContainsKey(s))
            .Distinct(StringComparer.Ordinal);

    /// <summary>Gives the stored (true) observations of an earlier submission.</summary>
    public void AddData(string submissionId, IReadOnlyList<Observation> observations) => _data[submissionId] = observations;

    /// <summary>The tables of <paramref name="indicator"/> for the state of <paramref name="current"/> in every earlier version that published it.</summary>
    /// <exception cref="InvalidDataException">The data of an earlier submission was not given.</exception>
    internal IReadOnlyList<EarlierTable> For(ObservationSet current, Indicator indicator, CatalogIndex index)
    {
        var tables = new List<EarlierTable>();
        foreach (var version in Versions)
        {
            if (!version.States.TryGetValue(current.Country, out var state))
                continue;
            var observations = state.SubmissionId == current.SubmissionId ? current.Observations
                : _data.TryGetValue(state.SubmissionId, out var stored) ? stored
                : throw new InvalidDataException($"The data of submission {state.SubmissionId}, published by version {version.Version}, was not read.");
            var cells = observations.Where(o => o.Indicator == indicator.Code).ToList();
            if (cells.Count == 0)
                continue;
            var table = CellTable.Create(indicator, cells, index);
            tables.Add(new EarlierTable(version.Version, table, [.. table.Cells.Select(c => state.WithheldKeys.Contains(c.Key))]));
        }
        return tables;
    }
}

/// <summary>One earlier published version of the year.</summary>
/// <param name="Version">Its stamp.</param>
/// <param name="States">What it published of each state, by ISO3 code.</param>
public sealed record PublishedVersion(string Version, IReadOnlyDictionary<string, PublishedState> States);

/// <summary>What an earlier version published of one state.</summary>
/// <param name="SubmissionId">The submission whose data it published.</param>
/// <param name="WithheldKeys">The keys of the protected cells it published without their value.</param>
public sealed record PublishedState(string SubmissionId, IReadOnlySet<string> WithheldKeys);

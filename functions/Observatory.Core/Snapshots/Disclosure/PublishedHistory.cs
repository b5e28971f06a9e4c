using Observatory.Core.Domain;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// What the earlier published versions of a reporting year showed, for the disclosure audit of a new version: for
/// each version and state, the true values it was compiled from and which cells it withheld.
/// </summary>
/// <param name="Versions">The earlier versions, oldest first.</param>
public sealed record PublishedHistory(IReadOnlyList<PublishedVersion> Versions)
{
    /// <summary>No earlier version: the first of the year.</summary>
    public static PublishedHistory None { get; } = new([]);

    /// <summary>The tables of <paramref name="indicator"/> for <paramref name="country"/> in every earlier version that published the state.</summary>
    internal IReadOnlyList<EarlierTable> For(string country, Indicator indicator, CatalogIndex index)
    {
        var tables = new List<EarlierTable>();
        foreach (var version in Versions)
        {
            if (!version.States.TryGetValue(country, out var state))
                continue;
            var cells = state.Observations.Where(o => o.Indicator == indicator.Code).ToList();
            if (cells.Count == 0)
                continue;
            var table = CellTable.Create(indicator, cells, index);
            var withheld = table.Cells.Select(c => state.WithheldKeys.Contains(c.Key)).ToArray();
            tables.Add(new EarlierTable(version.Version, table, withheld));
        }
        return tables;
    }
}

/// <summary>One earlier published version of the year.</summary>
/// <param name="Version">Its stamp.</param>
/// <param name="States">What it published of each state, by ISO3 code.</param>
public sealed record PublishedVersion(string Version, IReadOnlyDictionary<string, PublishedState> States);

/// <summary>What an earlier version published of one state's protected counts.</summary>
/// <param name="SubmissionId">The submission whose data it published.</param>
/// <param name="Observations">That submission's stored (true) observations of the protected indicators.</param>
/// <param name="WithheldKeys">The keys of the cells it published without their value.</param>
public sealed record PublishedState(string SubmissionId, IReadOnlyList<Observation> Observations, IReadOnlySet<string> WithheldKeys);

namespace Observatory.Core.Snapshots.Series;

/// <summary>What a published version of the time series holds.</summary>
/// <param name="Version">The series' own version stamp (a UTC time such as 20260301T060000Z).</param>
/// <param name="CreatedAt">When it was compiled.</param>
/// <param name="Sources">Each year in the series and the annual version its rows come from, oldest year first.</param>
/// <param name="Basis">
/// A SHA-256 of everything the series' data files are made from (the sources' observations and the reference data
/// the side tables are written from): two series with the same basis have the same data files.
/// </param>
/// <param name="Files">Every file, in the order written; SHA256SUMS is last.</param>
/// <param name="Statistics">The states (distinct over the years), rows and withheld rows of the series.</param>
public sealed record SeriesManifest(string Version, DateTimeOffset CreatedAt, IReadOnlyList<SeriesSource> Sources, string Basis,
    IReadOnlyList<SnapshotFile> Files, SnapshotStatistics Statistics)
{
    /// <summary>The file with this name, or null.</summary>
    public SnapshotFile? Find(string name) => Files.FirstOrDefault(f => f.Name == name);
}

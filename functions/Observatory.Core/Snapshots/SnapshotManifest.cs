namespace Observatory.Core.Snapshots;

/// <summary>What a compiled snapshot holds: every file written, with its size and checksum.</summary>
/// <param name="Year">The reporting year.</param>
/// <param name="Version">The snapshot version (a UTC timestamp such as 20260301T060000Z).</param>
/// <param name="CreatedAt">When the snapshot was compiled.</param>
/// <param name="Files">Every file, in the order written; SHA256SUMS is last.</param>
/// <param name="Statistics">Counts of what was published.</param>
public sealed record SnapshotManifest(int Year, string Version, DateTimeOffset CreatedAt, IReadOnlyList<SnapshotFile> Files, SnapshotStatistics Statistics)
{
    /// <summary>The file with this name, or null.</summary>
    public SnapshotFile? Find(string name) => Files.FirstOrDefault(f => f.Name == name);
}

/// <summary>One file of a snapshot.</summary>
/// <param name="Name">The file name (observations.csv).</param>
/// <param name="Size">Its length in bytes.</param>
/// <param name="Sha256">The SHA-256 of its bytes, lower-case hex.</param>
/// <param name="ContentType">Its media type.</param>
public sealed record SnapshotFile(string Name, long Size, string Sha256, string ContentType);

/// <summary>Counts of what a snapshot publishes.</summary>
/// <param name="States">States with accepted data for the year.</param>
/// <param name="Rows">Rows of the observations table, derived rows included.</param>
/// <param name="Withheld">
/// Rows published without their value (flag suppressed), as anyone can count them in the files. Why each was
/// withheld (a small count or a cell that would give one away) is never published: how many small counts a version
/// has, compared across versions, would reopen what is withheld.
/// </param>
public sealed record SnapshotStatistics(int States, long Rows, long Withheld);

using Observatory.Core.Snapshots;

namespace Observatory.Functions.OpenData;

/// <summary>A published snapshot as GET /api/opendata lists it.</summary>
public sealed record SnapshotView(int Year, string Version, DateTimeOffset CreatedAt, bool Latest, IReadOnlyList<SnapshotFileView> Files, SnapshotStatistics Statistics)
{
    /// <summary>The view of a manifest.</summary>
    public static SnapshotView From(SnapshotManifest manifest, bool latest) =>
        new(manifest.Year, manifest.Version, manifest.CreatedAt, latest,
            manifest.Files.Select(f => new SnapshotFileView(f.Name, f.Size, f.Sha256, f.ContentType, $"/api/opendata/{manifest.Year}/{manifest.Version}/{f.Name}")).ToList(),
            manifest.Statistics);
}

/// <summary>A file of a snapshot with its download URL.</summary>
public sealed record SnapshotFileView(string Name, long Size, string Sha256, string ContentType, string Url);

using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Series;

namespace Observatory.Functions.OpenData;

/// <summary>A published version of the time series as GET /api/opendata/series lists it.</summary>
public sealed record SeriesView(string Version, DateTimeOffset CreatedAt, bool Latest, IReadOnlyList<SeriesYearView> Years,
    IReadOnlyList<SnapshotFileView> Files, SnapshotStatistics Statistics)
{
    /// <summary>The view of a manifest.</summary>
    public static SeriesView From(SeriesManifest manifest, bool latest) =>
        new(manifest.Version, manifest.CreatedAt, latest,
            manifest.Sources.Select(s => new SeriesYearView(s.Year, s.Version, $"/api/opendata/{s.Year}/{s.Version}/{SnapshotFileNames.DataPackage}")).ToList(),
            manifest.Files.Select(f => new SnapshotFileView(f.Name, f.Size, f.Sha256, f.ContentType, $"/api/opendata/series/{manifest.Version}/{f.Name}")).ToList(),
            manifest.Statistics);
}

/// <summary>A year of the series and the annual version its rows come from.</summary>
/// <param name="Year">The reporting year.</param>
/// <param name="SnapshotVersion">The annual version.</param>
/// <param name="Url">That version's data package.</param>
public sealed record SeriesYearView(int Year, string SnapshotVersion, string Url);

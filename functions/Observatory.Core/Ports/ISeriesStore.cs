using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Series;

namespace Observatory.Core.Ports;

/// <summary>
/// The published versions of the time series across years: files written create-only under a version, a catalog
/// of versions and a pointer to the latest, as <see cref="ISnapshotStore"/> keeps the annual snapshots.
/// </summary>
public interface ISeriesStore
{
    /// <summary>Where the files of a new version are written; each file can be created once.</summary>
    ISnapshotOutput CreateOutput(string version);

    /// <summary>True when any file was written under the version, listed or not.</summary>
    Task<bool> HasFilesAsync(string version, CancellationToken cancellationToken);

    /// <summary>Lists a compiled version in the catalog and makes it the latest if it is the newest.</summary>
    Task PublishAsync(SeriesManifest manifest, CancellationToken cancellationToken);

    /// <summary>Every published version, newest first.</summary>
    Task<IReadOnlyList<PublishedSeries>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A published version, or the latest with <paramref name="version"/> "latest"; null when none.</summary>
    Task<PublishedSeries?> FindAsync(string version, CancellationToken cancellationToken);

    /// <summary>Opens a file of a published version for reading (seekable, for range requests); null when it does not exist.</summary>
    Task<SnapshotFileContent?> OpenFileAsync(string version, string fileName, CancellationToken cancellationToken);
}

/// <summary>A version of the series listed in the catalog.</summary>
/// <param name="Manifest">Its sources, files and statistics.</param>
/// <param name="Latest">True for the newest version.</param>
public sealed record PublishedSeries(SeriesManifest Manifest, bool Latest);

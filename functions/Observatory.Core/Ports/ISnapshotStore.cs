using Observatory.Core.Snapshots;

namespace Observatory.Core.Ports;

/// <summary>
/// Published snapshots: their files, written create-only under a path of their own, and the catalog of versions,
/// which names a version only once every one of its files is written.
/// </summary>
public interface ISnapshotStore
{
    /// <summary>Where the files of a new version are written; each file can be created once.</summary>
    ISnapshotOutput CreateOutput(int year, string version);

    /// <summary>True when any file was written under the version, listed or not (a compile cut off before it was listed leaves some).</summary>
    Task<bool> HasFilesAsync(int year, string version, CancellationToken cancellationToken);

    /// <summary>Lists a compiled version in the catalog and makes it the year's latest if it is the newest.</summary>
    Task PublishAsync(SnapshotManifest manifest, CancellationToken cancellationToken);

    /// <summary>Every published version, newest year first and, within a year, newest version first.</summary>
    Task<IReadOnlyList<PublishedSnapshot>> ListAsync(CancellationToken cancellationToken);

    /// <summary>A published version of a year, or its latest with <paramref name="version"/> "latest"; null when none.</summary>
    Task<PublishedSnapshot?> FindAsync(int year, string version, CancellationToken cancellationToken);

    /// <summary>Opens a file of a published version for reading (seekable, for range requests); null when it does not exist.</summary>
    Task<SnapshotFileContent?> OpenFileAsync(int year, string version, string fileName, CancellationToken cancellationToken);
}

/// <summary>A version listed in the catalog.</summary>
/// <param name="Manifest">Its files and statistics.</param>
/// <param name="Latest">True for the newest version of its year.</param>
public sealed record PublishedSnapshot(SnapshotManifest Manifest, bool Latest);

/// <summary>A file of a snapshot, open for reading.</summary>
/// <param name="Content">The content; seekable.</param>
/// <param name="Length">Its length in bytes.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="ETag">Its entity tag, quoted.</param>
/// <param name="LastModified">When it was written.</param>
public sealed record SnapshotFileContent(Stream Content, long Length, string ContentType, string ETag, DateTimeOffset LastModified);

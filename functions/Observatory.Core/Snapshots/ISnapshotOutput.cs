namespace Observatory.Core.Snapshots;

/// <summary>
/// Where the files of one snapshot version are written: a blob container path in Azure, a folder or memory in tests.
/// </summary>
/// <remarks>
/// The compiler creates each file once, writes it front to back and disposes the stream; a file is complete when its
/// stream has been disposed. Several files may be open at the same time (the four observation files are written
/// side by side, state by state). The returned stream only needs to support writing: it is never read, sought or
/// asked for its length or position.
/// </remarks>
public interface ISnapshotOutput
{
    /// <summary>Creates the file <paramref name="fileName"/> and returns a stream to write it; fails when it already exists.</summary>
    /// <param name="fileName">The file's name within the snapshot (see <see cref="SnapshotFileNames"/>).</param>
    /// <param name="contentType">Its media type, for the Content-Type of a download.</param>
    /// <param name="cancellationToken">Cancels the creation.</param>
    Task<Stream> CreateAsync(string fileName, string contentType, CancellationToken cancellationToken);
}

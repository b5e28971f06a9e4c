using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Observatory.Core.Ports;
using Observatory.Core.Snapshots;

namespace Observatory.Storage;

/// <summary>The files of a published version as block blobs under a prefix, each created once: the commit fails if the blob exists.</summary>
internal sealed class CreateOnlyBlobOutput(BlobContainerClient container, string prefix) : ISnapshotOutput
{
    /// <inheritdoc />
    public Task<Stream> CreateAsync(string fileName, string contentType, CancellationToken cancellationToken) =>
        container.GetBlockBlobClient(prefix + fileName).OpenWriteAsync(overwrite: true, new BlockBlobOpenWriteOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            OpenConditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, cancellationToken);

    /// <summary>Opens a published file for reading, consistent with the properties read first; null when it does not exist.</summary>
    public static async Task<SnapshotFileContent?> OpenAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            // Reading the version seen by GetProperties keeps one download consistent, and the stream is seekable for ranges.
            var content = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
            return new SnapshotFileContent(content, properties.ContentLength, properties.ContentType, properties.ETag.ToString("H"), properties.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}

using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Observatory.Core.Ports;

namespace Observatory.Storage;

/// <summary>
/// Backups as create-only block blobs "{backup}/{file}" in the "backups" container (in Azure versioned, with a
/// time-based immutability policy as long as the retention, so nothing written there can be changed or deleted
/// before it expires).
/// </summary>
public sealed class BlobBackupArchive : IBackupArchive
{
    private readonly BlobContainerClient _container;

    /// <summary>Creates the archive over the data account's "backups" container.</summary>
    public BlobBackupArchive(BlobServiceClient blobs) => _container = blobs.GetBlobContainerClient(StorageNames.BackupsContainer);

    /// <inheritdoc />
    public Task<Stream> CreateAsync(string backup, string fileName, CancellationToken cancellationToken) =>
        _container.GetBlockBlobClient($"{backup}/{fileName}").OpenWriteAsync(overwrite: true, new BlockBlobOpenWriteOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = fileName.EndsWith(".jsonl", StringComparison.Ordinal) ? "application/x-ndjson" : "application/json" },
            OpenConditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<Stream?> OpenReadAsync(string backup, string fileName, CancellationToken cancellationToken)
    {
        try
        {
            return await _container.GetBlobClient($"{backup}/{fileName}").OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var item in _container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, delimiter: "/", prefix: null, cancellationToken: cancellationToken))
            if (item.IsPrefix) names.Add(item.Prefix.TrimEnd('/'));
        return names;
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string backup, CancellationToken cancellationToken)
    {
        await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: backup + "/", cancellationToken: cancellationToken))
            await _container.GetBlobClient(blob.Name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
    }
}

using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Observatory.Core.Ports;

namespace Observatory.Storage;

/// <summary>Raw uploaded files in the private "raw" container, written create-only.</summary>
public sealed class BlobRawFileStore : IRawFileStore
{
    private readonly BlobContainerClient _container;

    /// <summary>Creates the store over the raw container.</summary>
    public BlobRawFileStore(BlobServiceClient service) => _container = service.GetBlobContainerClient(StorageNames.RawContainer);

    /// <inheritdoc />
    public Task SaveAsync(string name, Stream content, string contentType, CancellationToken cancellationToken) =>
        _container.GetBlobClient(name).UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            // Proof of what a focal point sent is never overwritten.
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _container.GetBlobClient(name).OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new FileNotFoundException($"The raw file {name} is not stored.", name, ex);
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        _container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}

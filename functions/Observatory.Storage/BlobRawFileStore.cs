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
    /// <remarks>
    /// The file is downloaded whole into a temporary file, deleted when the stream is closed: one request for any
    /// upload (the SDK's first range is 256 MB, uploads are far smaller), where a blob read stream asks for the blob's
    /// properties first and then each 4 MB. The readers need to seek anyway (a zip's directory is at its end), and a
    /// local file does not tie memory to the upload's size.
    /// </remarks>
    public async Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        var copy = new FileStream(
            Path.Combine(Path.GetTempPath(), "observatory-raw-" + Guid.NewGuid().ToString("N") + ".tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, bufferSize: 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await _container.GetBlobClient(name).DownloadToAsync(copy, cancellationToken);
            copy.Position = 0;
            return copy;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            await copy.DisposeAsync();
            throw new FileNotFoundException($"The raw file {name} is not stored.", name, ex);
        }
        catch
        {
            await copy.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string name, CancellationToken cancellationToken) =>
        _container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
}

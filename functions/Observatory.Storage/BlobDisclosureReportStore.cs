using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Observatory.Core.Ports;
using Observatory.Core.Snapshots.Disclosure;

namespace Observatory.Storage;

/// <summary>
/// Disclosure reports as JSON blobs in the private "reports" container, one per snapshot version
/// ("disclosure/{year}/{version}.json"), never in the published snapshots container.
/// </summary>
public sealed class BlobDisclosureReportStore : IDisclosureReportStore
{
    private readonly BlobContainerClient _container;

    /// <summary>Creates the store over the reports container.</summary>
    public BlobDisclosureReportStore(BlobServiceClient service) => _container = service.GetBlobContainerClient(StorageNames.ReportsContainer);

    /// <inheritdoc />
    public async Task<Stream> OpenWriteAsync(int year, string version, CancellationToken cancellationToken) =>
        await _container.GetBlockBlobClient(BlobName(year, version)).OpenWriteAsync(overwrite: true,
            new BlockBlobOpenWriteOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);

    /// <inheritdoc />
    public async Task<DisclosureReport?> FindAsync(int year, string version, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(BlobName(year, version)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<DisclosureReport>(DisclosureReportWriter.Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static string BlobName(int year, string version) => $"disclosure/{year}/{version}.json";
}

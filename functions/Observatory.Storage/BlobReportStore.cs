using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;

namespace Observatory.Storage;

/// <summary>
/// Validation reports as JSON blobs in the private "reports" container, one per submission ("{id}.json"). A report
/// can hold thousands of problems, more than a table entity takes.
/// </summary>
public sealed class BlobReportStore : IReportStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    private readonly BlobContainerClient _container;

    /// <summary>Creates the store over the reports container.</summary>
    public BlobReportStore(BlobServiceClient service) => _container = service.GetBlobContainerClient(StorageNames.ReportsContainer);

    /// <inheritdoc />
    public async Task SaveAsync(SubmissionReport report, CancellationToken cancellationToken)
    {
        var content = BinaryData.FromObjectAsJson(report, Json);
        await _container.GetBlobClient(BlobName(report.SubmissionId)).UploadAsync(content,
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<SubmissionReport?> FindAsync(string submissionId, CancellationToken cancellationToken)
    {
        try
        {
            var content = await _container.GetBlobClient(BlobName(submissionId)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToObjectFromJson<SubmissionReport>(Json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static string BlobName(string submissionId) => $"{submissionId}.json";
}

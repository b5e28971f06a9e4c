using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Observatory.Core.Submissions;
using Observatory.Storage;

namespace Observatory.Functions.Uploads;

/// <summary>
/// Queue trigger on blob-created events of the uploads container: a directly uploaded file enters the same intake as
/// an HTTP upload, and from there the same queue, validation and statuses.
/// </summary>
public sealed class ReceiveUploadEvent
{
    private readonly DirectUploads _uploads;
    private readonly ILogger<ReceiveUploadEvent> _logger;

    /// <summary>Creates the function.</summary>
    public ReceiveUploadEvent(DirectUploads uploads, ILogger<ReceiveUploadEvent> logger)
    {
        _uploads = uploads;
        _logger = logger;
    }

    /// <summary>Receives the uploaded blob the event names.</summary>
    [Function(nameof(ReceiveUploadEvent))]
    public async Task Run(
        [QueueTrigger(StorageNames.UploadEventsQueue, Connection = StorageConnection.DefaultName)] string message,
        CancellationToken cancellationToken)
    {
        if (BlobCreatedEvent.BlobName(message) is not { } blobName)
        {
            _logger.LogInformation("An upload event that announces no new upload is ignored");
            return;
        }
        await _uploads.ReceiveAsync(blobName, cancellationToken);
    }
}

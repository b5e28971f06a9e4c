using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Submissions;
using Observatory.Storage;

namespace Observatory.Functions.Uploads;

/// <summary>
/// Queue trigger on the upload-events poison queue: a direct upload whose event failed host.json's maxDequeueCount
/// times gets its final answer (GET /api/uploads/{id} says it could not be taken in) and its blob is deleted.
/// </summary>
public sealed class FailPoisonedUploadEvent
{
    private readonly DirectUploads _uploads;

    /// <summary>Creates the function.</summary>
    public FailPoisonedUploadEvent(DirectUploads uploads) => _uploads = uploads;

    /// <summary>Gives the upload the event announced its final answer.</summary>
    [Function(nameof(FailPoisonedUploadEvent))]
    public Task Run(
        [QueueTrigger(StorageNames.UploadEventsPoisonQueue, Connection = StorageConnection.DefaultName)] string message,
        CancellationToken cancellationToken) =>
        BlobCreatedEvent.BlobName(message) is { } blobName ? _uploads.FailAsync(blobName, cancellationToken) : Task.CompletedTask;
}

using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observatory.Storage;

namespace Observatory.LocalHost.Emulation;

/// <summary>
/// Stands in for Event Grid, which Azurite lacks: watches the uploads container and, for each new blob, queues the
/// BlobCreated event Event Grid would deliver to the upload-events queue in Azure. After a restart it announces the
/// blobs still there again; the intake recognises the same bytes and answers with the same submission. It looks once a
/// second on the host's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class UploadEventEmulator(BlobServiceClient blobs, QueueServiceClient queues, TimeProvider clock, ILogger<UploadEventEmulator> logger)
    : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private readonly HashSet<string> _announced = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var container = blobs.GetBlobContainerClient(StorageNames.UploadsContainer);
        var queue = queues.GetQueueClient(StorageNames.UploadEventsQueue);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await container.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                await foreach (var blob in container.GetBlobsAsync(cancellationToken: stoppingToken))
                {
                    if (!_announced.Add(blob.Name + "|" + blob.Properties.ETag)) continue;
                    await queue.SendMessageAsync(BlobCreatedEventMessage.For(blob.Name, container.GetBlobClient(blob.Name).Uri, blob.Properties.CreatedOn ?? DateTimeOffset.UnixEpoch), stoppingToken);
                    logger.LogInformation("Emulated Event Grid: BlobCreated for uploads/{BlobName}", blob.Name);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Watching the uploads container failed; trying again");
            }
            await Task.Delay(PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}

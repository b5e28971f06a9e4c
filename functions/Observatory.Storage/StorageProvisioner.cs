using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Observatory.Storage;

/// <summary>
/// Creates the pipeline's tables, containers and queues when they are missing (on Azurite at every start; in Azure
/// infra/ creates them and this finds them there). Idempotent.
/// </summary>
public sealed class StorageProvisioner
{
    private readonly TableServiceClient _tables;
    private readonly BlobServiceClient _blobs;
    private readonly QueueServiceClient _queues;

    /// <summary>Creates the provisioner.</summary>
    public StorageProvisioner(TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues)
    {
        _tables = tables;
        _blobs = blobs;
        _queues = queues;
    }

    /// <summary>The tables the pipeline uses.</summary>
    public static IReadOnlyList<string> Tables { get; } = [StorageNames.SubmissionsTable, StorageNames.ObservationsTable, StorageNames.ApiKeysTable, StorageNames.SnapshotsTable, StorageNames.LocksTable, StorageNames.AuditTable, StorageNames.ContactsTable, StorageNames.NotificationsTable];

    /// <summary>The blob containers the pipeline uses; all private.</summary>
    public static IReadOnlyList<string> Containers { get; } = [StorageNames.RawContainer, StorageNames.ReportsContainer, StorageNames.UploadsContainer, StorageNames.SnapshotsContainer, StorageNames.BackupsContainer];

    /// <summary>The queues the pipeline uses, poison queues included.</summary>
    public static IReadOnlyList<string> Queues { get; } = [StorageNames.SubmissionsQueue, StorageNames.SubmissionsPoisonQueue, StorageNames.UploadEventsQueue, StorageNames.UploadEventsPoisonQueue, StorageNames.NotificationsQueue, StorageNames.NotificationsPoisonQueue];

    /// <summary>Creates whatever is missing.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(
            Tables.Select(t => (Task)_tables.CreateTableIfNotExistsAsync(t, cancellationToken))
                .Concat(Containers.Select(c => (Task)_blobs.GetBlobContainerClient(c).CreateIfNotExistsAsync(cancellationToken: cancellationToken)))
                .Concat(Queues.Select(q => (Task)_queues.GetQueueClient(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken))));
    }
}

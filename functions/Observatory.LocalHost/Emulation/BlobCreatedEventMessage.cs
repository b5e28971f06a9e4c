using System.Text.Json;
using Observatory.Storage;

namespace Observatory.LocalHost.Emulation;

/// <summary>
/// The queue message Event Grid delivers to the upload-events queue when a blob is created in the uploads container:
/// one Microsoft.Storage.BlobCreated event in the Event Grid schema. Azurite has no Event Grid, so the local host (and
/// the tests) write it themselves.
/// </summary>
public static class BlobCreatedEventMessage
{
    /// <summary>The message announcing the blob <paramref name="blobName"/> of the uploads container.</summary>
    /// <param name="blobName">The blob's name in the uploads container, e.g. "MEX/2025/&lt;id&gt;/return.xlsx".</param>
    /// <param name="blobUrl">The blob's URL, without a SAS.</param>
    /// <param name="eventTime">When the blob was created.</param>
    public static string For(string blobName, Uri blobUrl, DateTimeOffset eventTime) => JsonSerializer.Serialize(new
    {
        id = Guid.NewGuid().ToString(),
        topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
        subject = $"/blobServices/default/containers/{StorageNames.UploadsContainer}/blobs/{blobName}",
        eventType = "Microsoft.Storage.BlobCreated",
        eventTime,
        dataVersion = "",
        metadataVersion = "1",
        data = new { api = "PutBlob", blobType = "BlockBlob", url = blobUrl.ToString() },
    });
}

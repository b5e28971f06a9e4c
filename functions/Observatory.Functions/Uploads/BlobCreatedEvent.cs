using System.Text.Json;
using Observatory.Storage;

namespace Observatory.Functions.Uploads;

/// <summary>
/// Event Grid's Microsoft.Storage.BlobCreated events, as Event Grid delivers them to a storage queue (one event, in the
/// Event Grid schema). The subject names the blob: "/blobServices/default/containers/uploads/blobs/MEX/2025/…".
/// </summary>
public static class BlobCreatedEvent
{
    /// <summary>The event type of a created blob.</summary>
    public const string EventType = "Microsoft.Storage.BlobCreated";

    private const string SubjectPrefix = "/blobServices/default/containers/" + StorageNames.UploadsContainer + "/blobs/";

    /// <summary>The event for a blob of the uploads container, in the Event Grid schema.</summary>
    public static string For(string blobName, Uri blobUrl) => JsonSerializer.Serialize(new
    {
        id = Guid.NewGuid().ToString(),
        subject = SubjectPrefix + blobName,
        eventType = EventType,
        eventTime = DateTimeOffset.UtcNow,
        dataVersion = "",
        data = new { api = "PutBlob", url = blobUrl.ToString() },
    });

    /// <summary>The uploads-container blob a message announces; null for other events (a deleted blob, another container).</summary>
    public static string? BlobName(string message)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement[0] : document.RootElement;
        var type = root.TryGetProperty("eventType", out var t) ? t.GetString() : null;
        var subject = root.TryGetProperty("subject", out var s) ? s.GetString() : null;
        return type == EventType && subject is not null && subject.StartsWith(SubjectPrefix, StringComparison.Ordinal)
            ? Uri.UnescapeDataString(subject[SubjectPrefix.Length..])
            : null;
    }
}

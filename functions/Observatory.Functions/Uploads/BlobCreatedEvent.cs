using System.Text.Json;
using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using Observatory.Storage;

namespace Observatory.Functions.Uploads;

/// <summary>
/// Reads the Microsoft.Storage.BlobCreated events that Event Grid delivers to the upload-events queue (Event Grid
/// schema, one event or an array of them). The subject names the blob: "/blobServices/default/containers/uploads/blobs/MEX/2025/…".
/// </summary>
public static class BlobCreatedEvent
{
    private const string SubjectPrefix = "/blobServices/default/containers/" + StorageNames.UploadsContainer + "/blobs/";

    /// <summary>
    /// The uploads-container blob a message announces; null for anything else: another event type (a deleted blob),
    /// another container, or a message that is not an Event Grid event at all (only Event Grid may write to the queue,
    /// but a malformed message must end, not fail again and again).
    /// </summary>
    /// <param name="message">The queue message's text.</param>
    public static string? BlobName(string message)
    {
        EventGridEvent[] events;
        try
        {
            events = EventGridEvent.ParseMany(BinaryData.FromString(message));
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or FormatException)
        {
            return null;
        }
        return events is [var created, ..]
            && created.EventType == SystemEventNames.StorageBlobCreated
            && created.Subject is { } subject
            && subject.StartsWith(SubjectPrefix, StringComparison.Ordinal)
                ? Uri.UnescapeDataString(subject[SubjectPrefix.Length..])
                : null;
    }
}

using System.Text.Json;
using Azure.Storage.Queues;
using Observatory.Core.Ports;

namespace Observatory.Storage;

/// <summary>The submissions queue. A message is {"submissionId":"…"}: the id only, the record holds the rest.</summary>
public sealed class QueueWorkQueue : IWorkQueue
{
    private readonly QueueClient _queue;

    /// <summary>Creates the queue over the submissions queue.</summary>
    public QueueWorkQueue(QueueServiceClient service) => _queue = service.GetQueueClient(StorageNames.SubmissionsQueue);

    /// <inheritdoc />
    public Task EnqueueSubmissionAsync(string submissionId, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(SubmissionMessage.Serialize(submissionId), cancellationToken);
}

/// <summary>The body of a submission message.</summary>
public static class SubmissionMessage
{
    private sealed record Body(string SubmissionId);

    /// <summary>The message for a submission id.</summary>
    public static string Serialize(string submissionId) => JsonSerializer.Serialize(new Body(submissionId), JsonSerializerOptions.Web);

    /// <summary>The submission id of a message; also accepts a bare id.</summary>
    /// <exception cref="FormatException">The message is neither.</exception>
    public static string Parse(string message)
    {
        var trimmed = message.Trim();
        if (!trimmed.StartsWith('{')) return trimmed;
        var body = JsonSerializer.Deserialize<Body>(trimmed, JsonSerializerOptions.Web);
        return body?.SubmissionId ?? throw new FormatException("The message has no submissionId.");
    }
}

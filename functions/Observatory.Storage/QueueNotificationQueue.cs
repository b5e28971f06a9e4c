using Azure.Storage.Queues;
using Observatory.Core.Notifications;
using Observatory.Core.Ports;

namespace Observatory.Storage;

/// <summary>The notifications queue and its poison queue. A message is the notification's JSON (ids and numbers only).</summary>
public sealed class QueueNotificationQueue : INotificationQueue
{
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;

    /// <summary>Creates the queue.</summary>
    public QueueNotificationQueue(QueueServiceClient service)
    {
        _queue = service.GetQueueClient(StorageNames.NotificationsQueue);
        _poison = service.GetQueueClient(StorageNames.NotificationsPoisonQueue);
    }

    /// <inheritdoc />
    public Task EnqueueAsync(NotificationMessage message, CancellationToken cancellationToken) =>
        _queue.SendMessageAsync(message.Serialize(), cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<PoisonedNotification>> PeekPoisonedAsync(int max, CancellationToken cancellationToken)
    {
        // A peek shows at most 32 messages and leaves them where they are, for staff to look at and act on.
        var peeked = await _poison.PeekMessagesAsync(Math.Clamp(max, 1, 32), cancellationToken);
        return [.. peeked.Value.Select(m =>
        {
            var text = m.Body.ToString();
            NotificationMessage? notification;
            try { notification = NotificationMessage.Parse(text); }
            catch (FormatException) { notification = null; }
            return new PoisonedNotification(m.MessageId, m.InsertedOn, notification, text);
        })];
    }
}

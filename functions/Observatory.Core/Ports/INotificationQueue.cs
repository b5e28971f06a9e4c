using Observatory.Core.Notifications;

namespace Observatory.Core.Ports;

/// <summary>The queue that carries notifications to the sender, and its poison queue.</summary>
public interface INotificationQueue
{
    /// <summary>Asks for the notification to be sent.</summary>
    Task EnqueueAsync(NotificationMessage message, CancellationToken cancellationToken);

    /// <summary>The messages whose sending failed every retry (at most <paramref name="max"/>), oldest first.</summary>
    Task<IReadOnlyList<PoisonedNotification>> PeekPoisonedAsync(int max, CancellationToken cancellationToken);
}

/// <summary>A notification in the poison queue.</summary>
/// <param name="MessageId">The queue's id of the message.</param>
/// <param name="InsertedOn">When it reached the poison queue.</param>
/// <param name="Notification">The notification, or null when the text could not be read.</param>
/// <param name="Text">The message as stored (ids and numbers only, never an address).</param>
public sealed record PoisonedNotification(string MessageId, DateTimeOffset? InsertedOn, NotificationMessage? Notification, string Text);

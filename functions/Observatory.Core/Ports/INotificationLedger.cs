using Observatory.Core.Notifications;

namespace Observatory.Core.Ports;

/// <summary>
/// What the notifications have done: the outbox of verdicts not yet known to be queued, and a marker per mail sent (by
/// notification id and recipient key, never by address).
/// </summary>
public interface INotificationLedger
{
    /// <summary>Records that <paramref name="message"/> must reach the queue (idempotent).</summary>
    Task AddPendingAsync(NotificationMessage message, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Removes the outbox row of a notification now on the queue.</summary>
    Task RemovePendingAsync(string notificationId, CancellationToken cancellationToken);

    /// <summary>The outbox rows written before <paramref name="before"/>: notifications that may never have been queued.</summary>
    Task<IReadOnlyList<NotificationMessage>> ListPendingAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>The recipient keys that notification <paramref name="notificationId"/> was already sent to.</summary>
    Task<IReadOnlySet<string>> SentToAsync(string notificationId, CancellationToken cancellationToken);

    /// <summary>Records that the mail of <paramref name="notificationId"/> to <paramref name="recipientKey"/> was sent.</summary>
    Task MarkSentAsync(string notificationId, string recipientKey, DateTimeOffset at, CancellationToken cancellationToken);
}

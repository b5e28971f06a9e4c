namespace Observatory.Core.Ports;

/// <summary>
/// What the notifications have done: a marker per mail sent (by notification id and recipient key, never by address).
/// The outbox of verdicts not yet known to be queued sits beside the submission records
/// (<see cref="ISubmissionStore.UpdateAndAnnounceAsync"/>).
/// </summary>
public interface INotificationLedger
{
    /// <summary>The recipient keys that notification <paramref name="notificationId"/> was already sent to.</summary>
    Task<IReadOnlySet<string>> SentToAsync(string notificationId, CancellationToken cancellationToken);

    /// <summary>Records that the mail of <paramref name="notificationId"/> to <paramref name="recipientKey"/> was sent.</summary>
    Task MarkSentAsync(string notificationId, string recipientKey, DateTimeOffset at, CancellationToken cancellationToken);
}

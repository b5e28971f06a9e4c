using Microsoft.Extensions.Logging;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;

namespace Observatory.Core.Notifications;

/// <summary>
/// Puts a submission's verdict on the notifications queue without ever holding up or failing its processing.
/// </summary>
/// <remarks>
/// "Nothing lost" here means: once a submission is final, its verdict reaches the queue, even when the queue is down at
/// that moment or the process stops right after the verdict was stored. So the final status is stored together with an
/// outbox row, in one transaction (<see cref="ISubmissionStore.UpdateAndAnnounceAsync"/>: if that fails, processing
/// fails and is retried as before); after it, the notification is queued and the row removed. A failure to queue is
/// logged and swallowed: the row stays, and <see cref="NotificationOutbox"/> queues it again on the sweep's schedule. A
/// row queued twice mails nobody twice, because the sender keeps a marker per notification and recipient.
/// </remarks>
public sealed class VerdictAnnouncer
{
    private readonly ISubmissionStore _submissions;
    private readonly INotificationQueue _queue;
    private readonly TimeProvider _clock;
    private readonly ILogger<VerdictAnnouncer> _logger;

    /// <summary>Creates the announcer.</summary>
    public VerdictAnnouncer(ISubmissionStore submissions, INotificationQueue queue, TimeProvider clock, ILogger<VerdictAnnouncer> logger)
    {
        _submissions = submissions;
        _queue = queue;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Stores the verdict (<paramref name="change"/> to the record, which must make it <paramref name="status"/>) with
    /// its announcement, then queues the announcement. Throws when the verdict cannot be stored; never for the queue.
    /// </summary>
    public async Task<Submission> StoreAndAnnounceAsync(string submissionId, SubmissionStatus status, Func<Submission, Submission> change, CancellationToken cancellationToken)
    {
        var announcement = NotificationMessage.Verdict(submissionId, status.ToApiName());
        var stored = await _submissions.UpdateAndAnnounceAsync(submissionId, change, announcement, _clock.GetUtcNow(), cancellationToken);
        await DispatchAsync(announcement);
        return stored;
    }

    private async Task DispatchAsync(NotificationMessage message)
    {
        try
        {
            await _queue.EnqueueAsync(message, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Notification {NotificationId} could not be queued; the outbox sweep will queue it", message.Id);
            return;
        }
        try
        {
            await _submissions.RemoveAnnouncementAsync(message, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Queued already: the sweep queues it once more and the sender's markers drop the duplicate.
            _logger.LogWarning(ex, "The outbox row of notification {NotificationId} could not be removed", message.Id);
        }
    }
}

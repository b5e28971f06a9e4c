using Microsoft.Extensions.Logging;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;

namespace Observatory.Core.Notifications;

/// <summary>
/// Puts a submission's verdict on the notifications queue without ever holding up or failing its processing.
/// </summary>
/// <remarks>
/// "Nothing lost" here means: once a submission is final, its verdict reaches the queue, even when the queue is down at
/// that moment or the process stops right after the verdict was stored. So processing writes an outbox row (the same
/// table service as the submission record: if that fails, processing fails and is retried as before) before it stores
/// the final status; after storing it, it queues the notification and removes the row. A failure to queue is logged and
/// swallowed: the row stays, and <see cref="NotificationOutbox"/> queues it again on the sweep's schedule. A row queued
/// twice mails nobody twice, because the sender keeps a marker per notification and recipient.
/// </remarks>
public sealed class VerdictAnnouncer
{
    private readonly INotificationLedger _ledger;
    private readonly INotificationQueue _queue;
    private readonly TimeProvider _clock;
    private readonly ILogger<VerdictAnnouncer> _logger;

    /// <summary>Creates the announcer.</summary>
    public VerdictAnnouncer(INotificationLedger ledger, INotificationQueue queue, TimeProvider clock, ILogger<VerdictAnnouncer> logger)
    {
        _ledger = ledger;
        _queue = queue;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Records, before the verdict is stored, that it must be announced; throws when storage fails.</summary>
    public async Task<NotificationMessage> PrepareAsync(string submissionId, SubmissionStatus status, CancellationToken cancellationToken)
    {
        var message = NotificationMessage.Verdict(submissionId, status.ToApiName());
        await _ledger.AddPendingAsync(message, _clock.GetUtcNow(), cancellationToken);
        return message;
    }

    /// <summary>Queues the notification once the verdict is stored; never throws (the outbox keeps what could not be queued).</summary>
    public async Task DispatchAsync(NotificationMessage message)
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
            await _ledger.RemovePendingAsync(message.Id, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Queued already: the sweep queues it once more and the sender's markers drop the duplicate.
            _logger.LogWarning(ex, "The outbox row of notification {NotificationId} could not be removed", message.Id);
        }
    }
}

using Microsoft.Extensions.Logging;
using Observatory.Core.Ports;

namespace Observatory.Core.Notifications;

/// <summary>
/// Queues the verdicts whose notification may never have reached the queue (an outbox row beside a submission record,
/// older than <see cref="ObservatoryOptions.StaleSubmissionMinutes"/>), on the schedule of the stale-submission sweep.
/// </summary>
public sealed class NotificationOutbox
{
    private readonly ISubmissionStore _submissions;
    private readonly INotificationQueue _queue;
    private readonly ObservatoryOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<NotificationOutbox> _logger;

    /// <summary>Creates the sweep.</summary>
    public NotificationOutbox(ISubmissionStore submissions, INotificationQueue queue, ObservatoryOptions options, TimeProvider clock, ILogger<NotificationOutbox> logger)
    {
        _submissions = submissions;
        _queue = queue;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Queues every stale outbox row and removes it; returns how many were queued. Throws when storage fails (the next run tries again).</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var stale = await _submissions.ListAnnouncementsAsync(_clock.GetUtcNow().AddMinutes(-_options.StaleSubmissionMinutes), cancellationToken);
        foreach (var message in stale)
        {
            await _queue.EnqueueAsync(message, cancellationToken);
            await _submissions.RemoveAnnouncementAsync(message, cancellationToken);
            _logger.LogInformation("Notification {NotificationId} queued from the outbox", message.Id);
        }
        return stale.Count;
    }
}

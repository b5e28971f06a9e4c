using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Notifications;

namespace Observatory.Functions.Notifications;

/// <summary>
/// Timer trigger on the stale-submission sweep's schedule (Observatory:StaleSubmissionSweepSchedule): queues the verdict
/// notifications that processing could not queue (the queue was down), from the outbox.
/// </summary>
public sealed class SweepNotificationOutbox
{
    private readonly NotificationOutbox _outbox;

    /// <summary>Creates the function.</summary>
    public SweepNotificationOutbox(NotificationOutbox outbox) => _outbox = outbox;

    /// <summary>Queues what the outbox holds.</summary>
    [Function(nameof(SweepNotificationOutbox))]
    public Task Run([TimerTrigger("%Observatory:StaleSubmissionSweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        _outbox.SweepAsync(cancellationToken);
}

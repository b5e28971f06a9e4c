using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Notifications;

namespace Observatory.Functions.Notifications;

/// <summary>
/// Timer trigger (Observatory:NotificationSummarySchedule, default 07:00 UTC daily): queues the staff's summary of the
/// day before: failed submissions and the states late for the last reporting year whose deadline passed.
/// </summary>
public sealed class QueueDailySummary
{
    private readonly NotificationSchedule _schedule;

    /// <summary>Creates the function.</summary>
    public QueueDailySummary(NotificationSchedule schedule) => _schedule = schedule;

    /// <summary>Queues the summary.</summary>
    [Function(nameof(QueueDailySummary))]
    public Task Run([TimerTrigger("%Observatory:NotificationSummarySchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        _schedule.QueueDailySummaryAsync(cancellationToken);
}

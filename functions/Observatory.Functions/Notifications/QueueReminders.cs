using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Notifications;

namespace Observatory.Functions.Notifications;

/// <summary>
/// Timer trigger (Observatory:ReminderSchedule, default 08:00 UTC daily): on the reminder days before the reporting
/// deadline (Observatory:Notifications:ReminderDays, default 30, 7 and 1), queues a reminder to each participating state
/// that has not reported.
/// </summary>
public sealed class QueueReminders
{
    private readonly NotificationSchedule _schedule;

    /// <summary>Creates the function.</summary>
    public QueueReminders(NotificationSchedule schedule) => _schedule = schedule;

    /// <summary>Queues today's reminders, if today is a reminder day.</summary>
    [Function(nameof(QueueReminders))]
    public Task Run([TimerTrigger("%Observatory:ReminderSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        _schedule.QueueRemindersAsync(cancellationToken);
}

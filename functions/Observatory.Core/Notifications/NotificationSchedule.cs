using Microsoft.Extensions.Logging;
using Observatory.Core.Observations;
using Observatory.Core.Ports;

namespace Observatory.Core.Notifications;

/// <summary>
/// The timed notifications: reminders before the reporting deadline, to each participating state that has not reported,
/// and the staff's daily summary. "Today" is read from the injected <see cref="TimeProvider"/> (UTC), so tests move time
/// instead of waiting. Both only queue; the sender writes and sends. A run missed (the app down all that day) is not made
/// up the next day: a reminder saying "7 days" a day late would be wrong, and the next reminder or summary follows.
/// </summary>
public sealed class NotificationSchedule
{
    private readonly INotificationQueue _queue;
    private readonly CoverageQuery _coverage;
    private readonly ReportingCalendar _calendar;
    private readonly NotificationOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<NotificationSchedule> _logger;

    /// <summary>Creates the schedule.</summary>
    public NotificationSchedule(INotificationQueue queue, CoverageQuery coverage, ReportingCalendar calendar, ObservatoryOptions options,
        TimeProvider clock, ILogger<NotificationSchedule> logger)
    {
        _queue = queue;
        _coverage = coverage;
        _calendar = calendar;
        _options = options.Notifications;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// When today is one of the reminder days before the deadline of the open reporting year, queues a reminder for each
    /// state that takes part in that year and has no accepted data for it. Returns the reminders queued.
    /// </summary>
    public async Task<IReadOnlyList<NotificationMessage>> QueueRemindersAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var year = _calendar.OpenYear(today);
        var daysLeft = _calendar.DeadlineOf(year).DayNumber - today.DayNumber;
        if (!_options.ReminderDayList().Contains(daysLeft)) return [];

        var late = (await _coverage.ForYearAsync(year, cancellationToken)).Where(s => s.Participating && !s.Reported).ToList();
        var reminders = late.Select(s => NotificationMessage.Reminder(s.Country, year, daysLeft)).ToList();
        foreach (var reminder in reminders) await _queue.EnqueueAsync(reminder, cancellationToken);
        _logger.LogInformation("{Count} reminders queued for {Year}, {DaysLeft} days before the deadline", reminders.Count, year, daysLeft);
        return reminders;
    }

    /// <summary>Queues the staff's summary of yesterday (UTC), when staff addresses are configured.</summary>
    public async Task<NotificationMessage?> QueueDailySummaryAsync(CancellationToken cancellationToken)
    {
        if (_options.StaffAddressList().Count == 0)
        {
            _logger.LogInformation("No staff addresses are configured (Observatory:Notifications:StaffAddresses); no summary");
            return null;
        }
        var summary = NotificationMessage.Summary(DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddDays(-1));
        await _queue.EnqueueAsync(summary, cancellationToken);
        return summary;
    }
}

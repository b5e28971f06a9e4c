using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observatory.LocalHost.Discovery;
using Observatory.LocalHost.Invocation;

namespace Observatory.LocalHost.Timers;

/// <summary>
/// Fires one timer function on its NCRONTAB schedule as the Functions host does: in UTC, or in the zone of
/// WEBSITE_TIME_ZONE, never in the machine's own zone; on the host's <see cref="TimeProvider"/>; one invocation at a
/// time; with the monitor, the status kept across restarts, a missed occurrence run at start with <c>IsPastDue</c>,
/// and the status passed in <c>TimerInfo.ScheduleStatus</c> (in the schedule's zone); with RunOnStartup, a run at start.
/// </summary>
internal sealed class TimerTriggerScheduler : BackgroundService
{
    /// <summary>Event id of the log entry written before each wait, with the occurrence waited for.</summary>
    public static readonly EventId WaitingEvent = new(3101, "TimerWaiting");

    // A timer cannot wait longer than about 49.7 days; longer waits are taken in steps.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(24);

    private readonly TimerFunction _function;
    private readonly ZonedSchedule _schedule;
    private readonly FunctionInvoker _invoker;
    private readonly TimerScheduleMonitor? _monitor;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    // Instants in UTC; shown to the function in the schedule's zone.
    private DateTimeOffset _last;
    private DateTimeOffset _next;
    private DateTimeOffset _lastUpdated;

    public TimerTriggerScheduler(TimerFunction function, TimeZoneInfo timeZone, FunctionInvoker invoker, TimerScheduleMonitor monitor,
        TimeProvider clock, ILoggerFactory loggers)
    {
        _function = function;
        _schedule = new ZonedSchedule(function.Schedule, function.ScheduleExpression, timeZone);
        _invoker = invoker;
        _monitor = function.UseMonitor ? monitor : null;
        _clock = clock;
        _logger = loggers.CreateLogger($"Host.Triggers.Timer.{function.Name}");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var now = _clock.GetUtcNow();
        var pastDue = Initialize(now);
        _logger.LogInformation("The next 5 occurrences of the '{FunctionName}' schedule ({Schedule}) in {TimeZone} will be: {Occurrences}",
            _function.Name, _function.ScheduleExpression, _schedule.TimeZone.Id, string.Join(", ", Occurrences(now, 5)));

        try
        {
            if (pastDue)
            {
                _logger.LogInformation("Function '{FunctionName}' is past due (it was due at {Next:o}).", _function.Name, _next);
                await InvokeAsync(_clock.GetUtcNow(), isPastDue: true, runOnStartup: false, stoppingToken);
            }
            else if (_function.RunOnStartup)
            {
                _logger.LogInformation("Function '{FunctionName}' is configured to run on startup.", _function.Name);
                await InvokeAsync(_clock.GetUtcNow(), isPastDue: false, runOnStartup: true, stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = _next - _clock.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    _logger.LogDebug(WaitingEvent, "Function '{FunctionName}' waits for {Next:o}.", _function.Name, _next);
                    await Task.Delay(wait < LongestWait ? wait : LongestWait, _clock, stoppingToken);
                    // Checked again after the wait: a long wait is taken in steps, and a timer may wake a moment early.
                    continue;
                }
                await InvokeAsync(_clock.GetUtcNow(), isPastDue: false, runOnStartup: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private IEnumerable<string> Occurrences(DateTimeOffset after, int count)
    {
        for (var i = 0; i < count; i++)
        {
            after = _schedule.GetNextOccurrence(after);
            yield return $"{_schedule.ToWallClock(after):yyyy-MM-dd HH:mm:ss} ({after.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z)";
        }
    }

    /// <summary>Loads or starts the schedule status; true when a monitored occurrence was missed.</summary>
    private bool Initialize(DateTimeOffset now)
    {
        var recorded = _monitor?.Read(_function.Name);
        if (recorded is null)
        {
            (_last, _next, _lastUpdated) = (default, _schedule.GetNextOccurrence(now), now);
            Record();
            return false;
        }

        (_last, _next, _lastUpdated) = (recorded.Last, recorded.Next, recorded.LastUpdated);
        // A schedule or zone changed since the status was written gets its next occurrence from the new one.
        var expectedNext = _schedule.GetNextOccurrence(_lastUpdated);
        if (expectedNext != _next)
        {
            _logger.LogInformation("The schedule of '{FunctionName}' has changed; its next occurrence is now {Next:o}.", _function.Name, expectedNext);
            _next = expectedNext;
        }
        return now > _next;
    }

    private async Task InvokeAsync(DateTimeOffset firedAt, bool isPastDue, bool runOnStartup, CancellationToken stoppingToken)
    {
        var timerInfo = new TimerInfo
        {
            // As in Functions, only a monitored schedule tells the function its status.
            ScheduleStatus = _monitor is null ? null : new ScheduleStatus
            {
                Last = _last == default ? default : _schedule.ToWallClock(_last),
                Next = _schedule.ToWallClock(_next),
                LastUpdated = _schedule.ToWallClock(_lastUpdated),
            },
            IsPastDue = isPastDue,
        };
        try
        {
            await _invoker.InvokeAsync(_function, new TriggerInput(timerInfo, null, stoppingToken), $"Timer fired at {firedAt.UtcDateTime:o}");
        }
        catch (Exception)
        {
            // Logged by the invoker; a failed run does not stop the schedule.
        }

        // A run on schedule is recorded as its occurrence, however late it fired; the next occurrence is the first after
        // the firing, so that a host that was held up does not run every occurrence it missed one after another.
        var occurrence = !isPastDue && !runOnStartup ? _next : firedAt;
        (_last, _next, _lastUpdated) = (occurrence, _schedule.GetNextOccurrence(firedAt), firedAt);
        Record();
    }

    private void Record() =>
        _monitor?.Write(_function.Name, new ScheduleStatus { Last = _last.UtcDateTime, Next = _next.UtcDateTime, LastUpdated = _lastUpdated.UtcDateTime });
}

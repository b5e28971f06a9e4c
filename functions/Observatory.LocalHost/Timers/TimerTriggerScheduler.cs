using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observatory.LocalHost.Discovery;
using Observatory.LocalHost.Invocation;

namespace Observatory.LocalHost.Timers;

/// <summary>
/// Fires one timer function on its NCRONTAB schedule in the machine's local time zone, as the Functions host does:
/// one invocation at a time; with the monitor, the status kept across restarts, a missed occurrence run at start with
/// <c>IsPastDue</c>, and the status passed in <c>TimerInfo.ScheduleStatus</c>; with RunOnStartup, a run at start.
/// </summary>
internal sealed class TimerTriggerScheduler : BackgroundService
{
    // Task.Delay cannot wait longer than about 24.8 days; longer waits are taken in steps.
    private static readonly TimeSpan LongestWait = TimeSpan.FromDays(24);

    private readonly TimerFunction _function;
    private readonly FunctionInvoker _invoker;
    private readonly TimerScheduleMonitor? _monitor;
    private readonly ILogger _logger;
    private ScheduleStatus _status = new();

    public TimerTriggerScheduler(TimerFunction function, FunctionInvoker invoker, TimerScheduleMonitor monitor, ILoggerFactory loggers)
    {
        _function = function;
        _invoker = invoker;
        _monitor = function.UseMonitor ? monitor : null;
        _logger = loggers.CreateLogger($"Host.Triggers.Timer.{function.Name}");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var now = DateTime.Now;
        var pastDue = Initialize(now);
        _logger.LogInformation("The next 5 occurrences of the '{FunctionName}' schedule ({Schedule}) in {TimeZone} will be: {Occurrences}",
            _function.Name, _function.ScheduleExpression, TimeZoneInfo.Local.DisplayName,
            string.Join(", ", _function.Schedule.GetNextOccurrences(now, DateTime.MaxValue).Take(5).Select(time => time.ToString("yyyy-MM-dd HH:mm:ss"))));

        try
        {
            if (pastDue)
            {
                _logger.LogInformation("Function '{FunctionName}' is past due (it was due at {Next:o}).", _function.Name, _status.Next);
                await InvokeAsync(DateTime.Now, isPastDue: true, runOnStartup: false, stoppingToken);
            }
            else if (_function.RunOnStartup)
            {
                _logger.LogInformation("Function '{FunctionName}' is configured to run on startup.", _function.Name);
                await InvokeAsync(DateTime.Now, isPastDue: false, runOnStartup: true, stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = _status.Next - DateTime.Now;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait < LongestWait ? wait : LongestWait, stoppingToken);
                    if (wait > LongestWait)
                        continue;
                }
                await InvokeAsync(DateTime.Now, isPastDue: false, runOnStartup: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Loads or starts the schedule status; true when a monitored occurrence was missed.</summary>
    private bool Initialize(DateTime now)
    {
        var recorded = _monitor?.Read(_function.Name);
        if (recorded is null)
        {
            _status = new ScheduleStatus { Last = default, Next = _function.Schedule.GetNextOccurrence(now), LastUpdated = now };
            _monitor?.Write(_function.Name, _status);
            return false;
        }

        // A schedule changed since the status was written gets its next occurrence from the new schedule.
        var expectedNext = _function.Schedule.GetNextOccurrence(recorded.LastUpdated);
        if (expectedNext != recorded.Next)
        {
            _logger.LogInformation("The schedule of '{FunctionName}' has changed; its next occurrence is now {Next:o}.", _function.Name, expectedNext);
            recorded.Next = expectedNext;
        }
        _status = recorded;
        return now > recorded.Next;
    }

    private async Task InvokeAsync(DateTime firedAt, bool isPastDue, bool runOnStartup, CancellationToken stoppingToken)
    {
        var timerInfo = new TimerInfo
        {
            // As in Functions, only a monitored schedule tells the function its status.
            ScheduleStatus = _monitor is null ? null : Copy(_status),
            IsPastDue = isPastDue,
        };
        try
        {
            await _invoker.InvokeAsync(_function, new TriggerInput(timerInfo, null, stoppingToken), $"Timer fired at {firedAt:o}");
        }
        catch (Exception)
        {
            // Logged by the invoker; a failed run does not stop the schedule.
        }

        // A timer that fires a moment before its occurrence counts as that occurrence, so that it does not fire twice.
        var occurrence = !isPastDue && !runOnStartup && _status.Next > firedAt ? _status.Next : firedAt;
        _status = new ScheduleStatus { Last = occurrence, Next = _function.Schedule.GetNextOccurrence(occurrence), LastUpdated = occurrence };
        _monitor?.Write(_function.Name, _status);
    }

    private static ScheduleStatus Copy(ScheduleStatus status) =>
        new() { Last = status.Last, Next = status.Next, LastUpdated = status.LastUpdated };
}

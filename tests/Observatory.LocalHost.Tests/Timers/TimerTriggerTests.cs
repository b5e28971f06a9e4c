using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.LocalHost.Tests.Samples.Timers;
using Observatory.LocalHost.Timers;

namespace Observatory.LocalHost.Tests.Timers;

/// <summary>
/// The timer trigger on the host's fake clock: each test moves the clock to the instant the scheduler waits for, once
/// it waits, so that no test sleeps and every time asserted is exact.
/// </summary>
public sealed class TimerTriggerTests
{
    private static readonly TimeSpan Timeout = TestHost.Timeout;

    /// <summary>A host.json that logs at Debug, so that each wait of the scheduler is logged with its occurrence.</summary>
    private const string HostJson = """
        { "version": "2.0", "logging": { "logLevel": { "default": "Debug" } } }
        """;

    private static TimerInfo Info(RecordedInvocation invocation) => Assert.IsType<TimerInfo>(invocation.Value);

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, DateTimeKind.Utc);

    /// <summary>The occurrences the scheduler logged it waits for, in order.</summary>
    private static IEnumerable<DateTimeOffset> Waits(TestHost host, string function) => host.Logs.Entries
        .Where(entry => entry.EventId == TimerTriggerScheduler.WaitingEvent && Equals(entry.State["FunctionName"], function))
        .Select(entry => (DateTimeOffset)entry.State["Next"]!);

    [Fact]
    public async Task A_monitored_every_second_schedule_fires_each_second_with_its_schedule_status_and_records_it()
    {
        var start = new DateTimeOffset(2026, 3, 1, 6, 0, 0, 250, TimeSpan.Zero);
        await using var host = await TestHost.StartAsync([typeof(EverySecondMonitored)], values: new Dictionary<string, string> { ["Samples__EverySecond"] = "* * * * * *" }, start: start);

        var wakeUps = new List<DateTimeOffset>();
        for (var run = 1; run <= 3; run++)
        {
            wakeUps.Add(await host.Clock.AdvanceToNextWakeUpAsync(Timeout));
            await host.Recorder.WaitForAsync("EverySecondMonitored", run, Timeout);
        }

        var runs = host.Recorder.For("EverySecondMonitored");
        Assert.Equal([start.AddSeconds(0.75), start.AddSeconds(1.75), start.AddSeconds(2.75)], wakeUps);
        Assert.Equal(wakeUps, runs.Select(run => run.ClockAt));
        Assert.All(runs, run => Assert.False(Info(run).IsPastDue));
        var statuses = runs.Select(run => Info(run).ScheduleStatus!).ToArray();
        Assert.Equal(default, statuses[0].Last);  // never ran before
        Assert.Equal([Utc(2026, 3, 1, 6, 0, 1), Utc(2026, 3, 1, 6, 0, 2), Utc(2026, 3, 1, 6, 0, 3)], statuses.Select(status => status.Next));
        Assert.Equal([Utc(2026, 3, 1, 6, 0, 1), Utc(2026, 3, 1, 6, 0, 2)], statuses.Skip(1).Select(status => status.Last));
        Assert.All(statuses, status => Assert.Equal(DateTimeKind.Utc, status.Next.Kind));

        // Recorded once the run is over, when the scheduler waits for the next occurrence.
        Assert.Equal(start.AddSeconds(3.75), await host.Clock.NextWakeUpAsync(Timeout));
        var recorded = new TimerScheduleMonitor(host.StateDirectory).Read("EverySecondMonitored")!;
        Assert.Equal(Utc(2026, 3, 1, 6, 0, 3), recorded.Last);
        Assert.Equal(Utc(2026, 3, 1, 6, 0, 4), recorded.Next);
    }

    [Fact]
    public async Task An_unmonitored_schedule_fires_on_time_without_a_schedule_status_as_in_Functions()
    {
        await using var host = await TestHost.StartAsync([typeof(EverySecond)]);

        for (var run = 1; run <= 3; run++)
        {
            await host.Clock.AdvanceToNextWakeUpAsync(Timeout);
            await host.Recorder.WaitForAsync("EverySecond", run, Timeout);
        }

        var runs = host.Recorder.For("EverySecond");
        Assert.All(runs, run => Assert.Null(Info(run).ScheduleStatus));
        Assert.All(runs, run => Assert.False(Info(run).IsPastDue));
        Assert.Equal([1, 2, 3], runs.Select(run => (run.ClockAt - TestHost.DefaultStart).TotalSeconds));
        // On schedule, not back to back: after the third run the scheduler waits for the next second.
        Assert.Equal(TestHost.DefaultStart.AddSeconds(4), await host.Clock.NextWakeUpAsync(Timeout));
        Assert.Equal(3, host.Recorder.For("EverySecond").Count);
        Assert.False(Directory.Exists(host.StateDirectory) && Directory.EnumerateFiles(host.StateDirectory).Any());
    }

    [Fact]
    public async Task A_run_on_startup_timer_runs_once_at_start_and_then_at_its_occurrence_however_far_ahead()
    {
        var start = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero);
        await using var host = await TestHost.StartAsync([typeof(YearlyOnStartup)], HostJson, start: start);

        var run = Assert.Single(await host.Recorder.WaitForAsync("YearlyOnStartup", 1, Timeout));
        Assert.False(Info(run).IsPastDue);
        Assert.Equal(start, run.ClockAt);
        Assert.Equal(Utc(2026, 3, 1, 6), Info(run).ScheduleStatus!.Next);

        // Three months ahead: the wait is taken in steps, and the run comes at 06:00 UTC on 1 March, not before.
        while (host.Recorder.For("YearlyOnStartup").Count == 1)
        {
            var wakeUp = await host.Clock.AdvanceToNextWakeUpAsync(Timeout);
            Assert.True(wakeUp <= Utc(2026, 3, 1, 6), $"the scheduler woke at {wakeUp:o}, after the occurrence");
            if (wakeUp == Utc(2026, 3, 1, 6))
                await host.Recorder.WaitForAsync("YearlyOnStartup", 2, Timeout);
        }
        Assert.Equal(new DateTimeOffset(Utc(2026, 3, 1, 6)), host.Recorder.For("YearlyOnStartup")[1].ClockAt);
        Assert.Equal(new DateTimeOffset(Utc(2027, 3, 1, 6)), Waits(host, "YearlyOnStartup").Last());
    }

    [Fact]
    public async Task An_occurrence_missed_while_the_host_was_down_runs_at_start_as_past_due()
    {
        await using var host = TestHost.Build([typeof(Yearly)], HostJson);
        var missedLast = Utc(2020, 3, 1, 6);
        var missedNext = Utc(2021, 3, 1, 6);
        var monitor = new TimerScheduleMonitor(host.StateDirectory);
        monitor.Write("Yearly", new ScheduleStatus { Last = missedLast, Next = missedNext, LastUpdated = missedLast });

        await host.StartAsync();
        var run = Info(Assert.Single(await host.Recorder.WaitForAsync("Yearly", 1, Timeout)));

        Assert.True(run.IsPastDue);
        Assert.Equal(missedLast, run.ScheduleStatus!.Last);
        Assert.Equal(missedNext, run.ScheduleStatus.Next);
        await host.Clock.NextWakeUpAsync(Timeout);
        Assert.Equal(new DateTimeOffset(Utc(2026, 3, 1, 6)), Waits(host, "Yearly").Single());
        var recorded = monitor.Read("Yearly")!;
        Assert.Equal(TestHost.DefaultStart.UtcDateTime, recorded.Last);
        Assert.Equal(Utc(2026, 3, 1, 6), recorded.Next);
    }

    [Fact]
    public async Task A_monitored_timer_whose_next_occurrence_is_still_ahead_does_not_run_at_start()
    {
        await using var host = TestHost.Build([typeof(Yearly)], HostJson);
        var now = TestHost.DefaultStart.UtcDateTime;
        new TimerScheduleMonitor(host.StateDirectory).Write("Yearly", new ScheduleStatus { Last = default, Next = Utc(2026, 3, 1, 6), LastUpdated = now });

        await host.StartAsync();
        await host.Clock.NextWakeUpAsync(Timeout);

        Assert.Equal([new DateTimeOffset(Utc(2026, 3, 1, 6))], Waits(host, "Yearly"));
        Assert.Empty(host.Recorder.For("Yearly"));
    }
}

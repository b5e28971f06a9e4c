using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.LocalHost.Tests.Samples.Timers;
using Observatory.LocalHost.Timers;

namespace Observatory.LocalHost.Tests.Timers;

public sealed class TimerTriggerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private static TimerInfo Info(RecordedInvocation invocation) => Assert.IsType<TimerInfo>(invocation.Value);

    /// <summary>The next 1 March, 06:00 local time: the next occurrence of the yearly samples' schedule.</summary>
    private static DateTime NextFirstOfMarch(DateTime after)
    {
        var candidate = new DateTime(after.Year, 3, 1, 6, 0, 0, DateTimeKind.Local);
        return candidate > after ? candidate : candidate.AddYears(1);
    }

    [Fact]
    public async Task A_monitored_every_second_schedule_fires_each_second_with_its_schedule_status_and_records_it()
    {
        await using var host = await TestHost.StartAsync([typeof(EverySecondMonitored)], values: new Dictionary<string, string> { ["Samples__EverySecond"] = "* * * * * *" });

        var runs = (await host.Recorder.WaitForAsync("EverySecondMonitored", 3, Timeout)).Select(Info).ToArray();

        Assert.All(runs, run => Assert.False(run.IsPastDue));
        var (first, second, third) = (runs[0].ScheduleStatus!, runs[1].ScheduleStatus!, runs[2].ScheduleStatus!);
        Assert.Equal(default, first.Last);  // never ran before
        Assert.Equal(0, first.Next.Millisecond);
        Assert.True(second.Last >= first.Next, $"second run's Last {second.Last:o} is before the first run's occurrence {first.Next:o}");
        // Last is when the previous run fired: at its occurrence, or a moment later on a busy machine.
        Assert.InRange(third.Last - second.Next, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.InRange(second.Next - second.Last, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        Assert.Equal(0, second.Next.Millisecond);

        var recorded = new TimerScheduleMonitor(host.StateDirectory).Read("EverySecondMonitored");
        Assert.NotNull(recorded);
        Assert.True(recorded.Last >= third.Last);
    }

    [Fact]
    public async Task An_unmonitored_schedule_fires_on_time_without_a_schedule_status_as_in_Functions()
    {
        await using var host = await TestHost.StartAsync([typeof(EverySecond)]);

        var runs = await host.Recorder.WaitForAsync("EverySecond", 3, Timeout);

        Assert.All(runs, run => Assert.Null(Info(run).ScheduleStatus));
        Assert.All(runs, run => Assert.False(Info(run).IsPastDue));
        // On schedule, not back to back: about two runs in two seconds (one more or less at the edges of the window).
        var before = host.Recorder.For("EverySecond").Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.InRange(host.Recorder.For("EverySecond").Count - before, 1, 3);
        Assert.False(Directory.Exists(host.StateDirectory) && Directory.EnumerateFiles(host.StateDirectory).Any());
    }

    [Fact]
    public async Task A_run_on_startup_timer_runs_once_at_start_and_then_waits_for_its_schedule()
    {
        var started = DateTime.Now;
        await using var host = await TestHost.StartAsync([typeof(YearlyOnStartup)]);

        var run = Info(Assert.Single(await host.Recorder.WaitForAsync("YearlyOnStartup", 1, Timeout)));

        Assert.False(run.IsPastDue);
        Assert.Equal(NextFirstOfMarch(started), run.ScheduleStatus!.Next);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Single(host.Recorder.For("YearlyOnStartup"));
    }

    [Fact]
    public async Task An_occurrence_missed_while_the_host_was_down_runs_at_start_as_past_due()
    {
        await using var host = TestHost.Build([typeof(Yearly)]);
        var missedLast = new DateTime(2020, 3, 1, 6, 0, 0, DateTimeKind.Local);
        var missedNext = new DateTime(2021, 3, 1, 6, 0, 0, DateTimeKind.Local);
        var monitor = new TimerScheduleMonitor(host.StateDirectory);
        monitor.Write("Yearly", new ScheduleStatus { Last = missedLast, Next = missedNext, LastUpdated = missedLast });

        await host.StartAsync();
        var run = Info(Assert.Single(await host.Recorder.WaitForAsync("Yearly", 1, Timeout)));

        Assert.True(run.IsPastDue);
        Assert.Equal(missedLast, run.ScheduleStatus!.Last);
        Assert.Equal(missedNext, run.ScheduleStatus.Next);
        await Eventually.TrueAsync(() => Task.FromResult(monitor.Read("Yearly")?.Last > missedNext), Timeout, "the run is recorded");
        var recorded = monitor.Read("Yearly")!;
        Assert.Equal(NextFirstOfMarch(recorded.Last), recorded.Next);
    }

    [Fact]
    public async Task A_monitored_timer_whose_next_occurrence_is_still_ahead_does_not_run_at_start()
    {
        await using var host = TestHost.Build([typeof(Yearly)]);
        var now = DateTime.Now;
        new TimerScheduleMonitor(host.StateDirectory).Write("Yearly", new ScheduleStatus { Last = default, Next = NextFirstOfMarch(now), LastUpdated = now });

        await host.StartAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Empty(host.Recorder.For("Yearly"));
    }
}

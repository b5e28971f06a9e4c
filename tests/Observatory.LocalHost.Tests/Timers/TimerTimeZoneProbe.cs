using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.LocalHost.Tests.Samples.Timers;

namespace Observatory.LocalHost.Tests.Timers;

/// <summary>
/// Run in a child process whose machine time zone is set by TZ (read once, at process start): starts a host with
/// <see cref="DailyAtTwo"/> on a fake clock at noon UTC, moves the clock to the scheduler's first wake-up, and prints
/// what it saw as "key=value" lines.
/// </summary>
internal static class TimerTimeZoneProbe
{
    public const string Command = "timer-time-zone-probe";

    public static readonly DateTimeOffset Start = new(2026, 7, 14, 12, 0, 0, TimeSpan.Zero);

    public static async Task<int> RunAsync()
    {
        await using var host = await TestHost.StartAsync([typeof(DailyAtTwo)], start: Start);
        var wakeUp = await host.Clock.AdvanceToNextWakeUpAsync(TestHost.Timeout);
        var run = Assert.Single(await host.Recorder.WaitForAsync("DailyAtTwo", 1, TestHost.Timeout));
        Console.WriteLine($"machineZone={TimeZoneInfo.Local.Id}");
        Console.WriteLine($"machineOffset={TimeZoneInfo.Local.GetUtcOffset(Start):c}");
        Console.WriteLine($"wakeUp={wakeUp.UtcDateTime:o}");
        Console.WriteLine($"firedAt={run.ClockAt.UtcDateTime:o}");
        Console.WriteLine($"scheduledNext={((TimerInfo)run.Value!).ScheduleStatus!.Next:o}");
        return 0;
    }
}

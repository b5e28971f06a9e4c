using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.LocalHost.Tests.Samples.Timers;

namespace Observatory.LocalHost.Tests.Timers;

/// <summary>
/// Timers fire in UTC, as in Azure, whatever the machine's time zone; WEBSITE_TIME_ZONE moves them into another zone.
/// </summary>
public sealed class TimerTimeZoneTests
{
    private static readonly TimeSpan Timeout = TestHost.Timeout;
    private static readonly DateTimeOffset Noon = new(2026, 7, 14, 12, 0, 0, TimeSpan.Zero);

    private static async Task<RecordedInvocation> FirstRunAsync(TestHost host)
    {
        Assert.Empty(host.Recorder.For("DailyAtTwo"));
        await host.Clock.AdvanceToNextWakeUpAsync(Timeout);
        return Assert.Single(await host.Recorder.WaitForAsync("DailyAtTwo", 1, Timeout));
    }

    [Fact]
    public async Task A_schedule_of_0_0_2_fires_at_02_00_UTC()
    {
        await using var host = await TestHost.StartAsync([typeof(DailyAtTwo)], start: Noon);

        var run = await FirstRunAsync(host);

        Assert.Equal(new DateTimeOffset(2026, 7, 15, 2, 0, 0, TimeSpan.Zero), run.ClockAt);
        var status = ((TimerInfo)run.Value!).ScheduleStatus!;
        Assert.Equal(new DateTime(2026, 7, 15, 2, 0, 0, DateTimeKind.Utc), status.Next);
        Assert.Equal(DateTimeKind.Utc, status.Next.Kind);
    }

    [Fact]
    public async Task A_schedule_of_0_0_2_fires_at_02_00_UTC_on_a_machine_whose_time_zone_is_Mexico_City()
    {
        // .NET reads TZ once, at process start: the host runs in a child process started with TZ set.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(TimerTimeZoneProbe).Assembly.Location);
        start.ArgumentList.Add(TimerTimeZoneProbe.Command);
        start.Environment["TZ"] = "America/Mexico_City";
        start.Environment.Remove("WEBSITE_TIME_ZONE");

        using var probe = Process.Start(start)!;
        var output = probe.StandardOutput.ReadToEndAsync();
        var errors = probe.StandardError.ReadToEndAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
            await probe.WaitForExitAsync(timeout.Token);
        Assert.True(probe.ExitCode == 0, $"the probe failed: {await output}{await errors}");
        var seen = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('=', 2)).Where(pair => pair.Length == 2).ToDictionary(pair => pair[0], pair => pair[1]);

        // The machine's zone really was Mexico City's (UTC-6), so 02:00 there would be 08:00 UTC.
        Assert.Equal("America/Mexico_City", seen["machineZone"]);
        Assert.Equal("-06:00:00", seen["machineOffset"]);
        Assert.Equal("2026-07-15T02:00:00.0000000Z", seen["wakeUp"]);
        Assert.Equal("2026-07-15T02:00:00.0000000Z", seen["firedAt"]);
        Assert.Equal("2026-07-15T02:00:00.0000000Z", seen["scheduledNext"]);
    }

    [Theory]
    [InlineData("America/Mexico_City")]
    [InlineData("Central Standard Time (Mexico)")]
    public async Task With_WEBSITE_TIME_ZONE_of_Mexico_City_a_schedule_of_0_0_2_fires_at_02_00_there_which_is_08_00_UTC(string timeZone)
    {
        await using var host = await TestHost.StartAsync([typeof(DailyAtTwo)], values: new Dictionary<string, string> { ["WEBSITE_TIME_ZONE"] = timeZone }, start: Noon);

        var run = await FirstRunAsync(host);

        Assert.Equal(new DateTimeOffset(2026, 7, 15, 8, 0, 0, TimeSpan.Zero), run.ClockAt);
        // The function sees its schedule in the zone's own time, as the Functions host shows it.
        Assert.Equal(new DateTime(2026, 7, 15, 2, 0, 0), ((TimerInfo)run.Value!).ScheduleStatus!.Next);
    }

    [Fact]
    public void A_WEBSITE_TIME_ZONE_that_names_no_zone_stops_the_start()
    {
        var problem = Assert.Throws<LocalHostStartupException>(() =>
            TestHost.Build([typeof(DailyAtTwo)], values: new Dictionary<string, string> { ["WEBSITE_TIME_ZONE"] = "Mars/Olympus_Mons" }));

        Assert.Contains("WEBSITE_TIME_ZONE is 'Mars/Olympus_Mons'", problem.Message);
    }
}

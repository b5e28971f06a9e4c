using NCrontab;
using Observatory.LocalHost.Timers;

namespace Observatory.LocalHost.Tests.Timers;

/// <summary>Schedules read in a zone with daylight saving time, across its changes of offset (New York, 2026).</summary>
public sealed class ZonedScheduleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static ZonedSchedule Schedule(string expression, TimeZoneInfo zone) =>
        new(CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true }), expression, zone);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    private static IEnumerable<DateTimeOffset> Occurrences(ZonedSchedule schedule, DateTimeOffset after, int count)
    {
        for (var i = 0; i < count; i++)
            yield return after = schedule.GetNextOccurrence(after);
    }

    [Fact]
    public void In_UTC_the_schedule_names_UTC_times()
    {
        Assert.Equal(Utc(7, 15, 2), Schedule("0 0 2 * * *", TimeZoneInfo.Utc).GetNextOccurrence(Utc(7, 14, 12)));
    }

    [Fact]
    public void A_time_the_clocks_skip_in_spring_fires_once_they_have_moved_on()
    {
        // 8 March 2026: 02:00 EST becomes 03:00 EDT, so 02:30 does not exist; it fires at 03:30 EDT (07:30 UTC).
        Assert.Equal([Utc(3, 7, 7, 30), Utc(3, 8, 7, 30), Utc(3, 9, 6, 30)], Occurrences(Schedule("0 30 2 * * *", NewYork), Utc(3, 7, 0), 3));
    }

    [Fact]
    public void A_fixed_time_the_clocks_repeat_in_autumn_fires_once_on_its_first_pass()
    {
        // 1 November 2026: 02:00 EDT becomes 01:00 EST, so 01:30 comes twice; it fires at 01:30 EDT only.
        Assert.Equal([Utc(10, 31, 5, 30), Utc(11, 1, 5, 30), Utc(11, 2, 6, 30)], Occurrences(Schedule("0 30 1 * * *", NewYork), Utc(10, 31, 0), 3));
    }

    [Fact]
    public void An_interval_runs_through_both_passes_of_the_repeated_hour()
    {
        // From 01:10 EDT: 01:30 EDT, then 01:00 and 01:30 EST, then 02:00 EST.
        Assert.Equal([Utc(11, 1, 5, 30), Utc(11, 1, 6), Utc(11, 1, 6, 30), Utc(11, 1, 7)],
            Occurrences(Schedule("0 */30 * * * *", NewYork), Utc(11, 1, 5, 10), 4));
    }
}

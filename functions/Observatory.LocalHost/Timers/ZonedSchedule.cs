using NCrontab;

namespace Observatory.LocalHost.Timers;

/// <summary>
/// An NCRONTAB schedule read as wall-clock times of one time zone, turned into instants as the Functions host turns
/// them: in UTC unless WEBSITE_TIME_ZONE names another zone. Across a change of offset: a time that the clocks skip
/// (spring forward) fires once the clocks have moved on, as late as the skip; a time that the clocks repeat (fall back)
/// fires once, on its first pass, for a schedule at fixed times ("0 30 1 * * *"), and on both passes for a schedule
/// of intervals ("0 */30 * * * *", any '*', '/' or '-' in its seconds, minutes or hours).
/// </summary>
internal sealed class ZonedSchedule
{
    private readonly CrontabSchedule _schedule;

    /// <summary>Reads <paramref name="schedule"/> in <paramref name="timeZone"/>.</summary>
    /// <param name="schedule">The parsed six-field schedule.</param>
    /// <param name="expression">The schedule as written, which tells intervals from fixed times.</param>
    /// <param name="timeZone">The zone whose wall-clock times the schedule names.</param>
    public ZonedSchedule(CrontabSchedule schedule, string expression, TimeZoneInfo timeZone)
    {
        _schedule = schedule;
        TimeZone = timeZone;
        IsInterval = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3)
            .Any(field => field.IndexOfAny(['*', '/', '-']) >= 0);
    }

    /// <summary>The zone whose wall-clock times the schedule names.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Whether the schedule recurs at intervals of the day rather than at fixed times of it.</summary>
    public bool IsInterval { get; }

    /// <summary>The first occurrence strictly after <paramref name="now"/>.</summary>
    /// <param name="now">An instant.</param>
    /// <returns>The occurrence, as an instant in UTC.</returns>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset now)
    {
        var offsetNow = TimeZone.GetUtcOffset(now);
        var offsetLater = TimeZone.GetUtcOffset(now + TimeSpan.FromDays(1));
        // When the clocks are about to go back, wall-clock times before now's come again after now: start there.
        var lookBack = offsetNow > offsetLater ? offsetNow - offsetLater : TimeSpan.Zero;
        // The larger offset maps a wall-clock time to its earliest instant; later walls cannot come before that.
        var largestOffset = offsetNow > offsetLater ? offsetNow : offsetLater;
        var wall = DateTime.SpecifyKind(now.UtcDateTime + offsetNow - lookBack, DateTimeKind.Unspecified);
        DateTimeOffset? earliest = null;
        while (true)
        {
            wall = DateTime.SpecifyKind(_schedule.GetNextOccurrence(wall), DateTimeKind.Unspecified);
            // NCrontab answers its end of time for a schedule that never occurs again (such as 30 February).
            if (wall > DateTime.MaxValue.AddDays(-2))
                return earliest?.ToUniversalTime() ?? DateTimeOffset.MaxValue;
            // Across a change of offset, walls in order are not instants in order: keep the earliest found.
            if (earliest is { } found && Instant(wall, largestOffset) >= found)
                return found.ToUniversalTime();
            foreach (var instant in InstantsOf(wall))
            {
                if (instant > now && (earliest is null || instant < earliest))
                    earliest = instant;
            }
        }
    }

    /// <summary>The wall-clock time <paramref name="instant"/> shows in the schedule's zone.</summary>
    public DateTime ToWallClock(DateTimeOffset instant) =>
        TimeZone.HasSameRules(TimeZoneInfo.Utc) ? instant.UtcDateTime : TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    /// <summary>The instants at which the zone's clocks show <paramref name="wall"/>, earliest first.</summary>
    private IEnumerable<DateTimeOffset> InstantsOf(DateTime wall)
    {
        if (TimeZone.IsInvalidTime(wall))
        {
            // Skipped by the clocks: read with the offset before the skip, which lands after it.
            var before = TimeZone.GetUtcOffset(wall - TimeSpan.FromDays(1));
            yield return Instant(wall, before);
            yield break;
        }
        if (TimeZone.IsAmbiguousTime(wall))
        {
            var offsets = TimeZone.GetAmbiguousTimeOffsets(wall).OrderByDescending(offset => offset).ToArray();
            // The larger offset is the first pass; a fixed-time schedule does not fire again on the second.
            yield return Instant(wall, offsets[0]);
            if (IsInterval)
                yield return Instant(wall, offsets[^1]);
            yield break;
        }
        yield return Instant(wall, TimeZone.GetUtcOffset(wall));
    }

    private static DateTimeOffset Instant(DateTime wall, TimeSpan offset) =>
        new(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), offset);
}

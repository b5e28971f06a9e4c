namespace Observatory.Core.Notifications;

/// <summary>
/// The reporting calendar (domain.md, "Reporting cycle"): returns for the calendar year Y are expected in the first months
/// of Y+1 and the annual snapshot of Y is compiled on 1 March of Y+1, so that day is the deadline by default.
/// </summary>
public sealed class ReportingCalendar
{
    private readonly int _month;
    private readonly int _day;

    /// <summary>Creates the calendar of the configured deadline.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month and day are no day of a year.</exception>
    public ReportingCalendar(NotificationOptions options)
    {
        _month = options.DeadlineMonth;
        _day = options.DeadlineDay;
        // 2001 is not a leap year: a deadline must exist every year.
        if (_month is < 1 or > 12 || _day < 1 || _day > DateTime.DaysInMonth(2001, _month))
            throw new ArgumentOutOfRangeException(nameof(options), "Observatory:Notifications:DeadlineMonth and DeadlineDay must name a day that every year has.");
    }

    /// <summary>The deadline of the returns of <paramref name="year"/>.</summary>
    public DateOnly DeadlineOf(int year) => new(year + 1, _month, _day);

    /// <summary>The reporting year whose deadline is <paramref name="today"/> or the next after it.</summary>
    public int OpenYear(DateOnly today) => today <= DeadlineOf(today.Year - 1) ? today.Year - 1 : today.Year;

    /// <summary>The reporting year whose deadline passed most recently, before <paramref name="today"/>.</summary>
    public int LastClosedYear(DateOnly today) => OpenYear(today) - 1;
}

using Observatory.Core.Notifications;

namespace Observatory.Core.Tests.Notifications;

/// <summary>The reporting calendar and the notification settings it is read from.</summary>
public sealed class ReportingCalendarTests
{
    private static readonly ReportingCalendar Calendar = new(new NotificationOptions());

    [Theory]
    [InlineData("2026-01-30", 2025)] // 30 days before 1 March 2026
    [InlineData("2026-03-01", 2025)] // the deadline day still belongs to the year it closes
    [InlineData("2026-03-02", 2026)]
    [InlineData("2026-12-31", 2026)]
    public void The_open_year_is_the_one_whose_deadline_is_today_or_next(string today, int year)
    {
        Assert.Equal(year, Calendar.OpenYear(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(year - 1, Calendar.LastClosedYear(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_deadline_is_1_March_of_the_next_year_so_the_last_reminder_falls_on_29_February_in_a_leap_year()
    {
        Assert.Equal(new DateOnly(2028, 3, 1), Calendar.DeadlineOf(2027));
        Assert.Equal(new DateOnly(2028, 2, 29), Calendar.DeadlineOf(2027).AddDays(-1));
    }

    [Fact]
    public void Settings_are_parsed_and_a_deadline_some_years_lack_is_refused()
    {
        var options = new NotificationOptions { ReminderDays = "7, 30;1", StaffAddresses = "a@x.org; b@x.org,A@X.org" };
        Assert.Equal([30, 7, 1], options.ReminderDayList());
        Assert.Equal(["a@x.org", "b@x.org"], options.StaffAddressList());
        Assert.Throws<FormatException>(() => new NotificationOptions { ReminderDays = "30,-1" }.ReminderDayList());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReportingCalendar(new NotificationOptions { DeadlineMonth = 2, DeadlineDay = 29 }));
    }

    [Theory]
    [InlineData("name@example.org", true)]
    [InlineData("Name <name@example.org>", false)]
    [InlineData("name@localhost", false)]
    [InlineData("two@example.org, three@example.org", false)]
    [InlineData("", false)]
    public void A_contact_is_one_bare_address(string email, bool accepted) =>
        Assert.Equal(accepted, ContactRegistry.IsAddress(email));
}

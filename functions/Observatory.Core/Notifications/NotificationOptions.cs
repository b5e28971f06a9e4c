namespace Observatory.Core.Notifications;

/// <summary>
/// The settings of the e-mail notifications (section "Observatory:Notifications", e.g.
/// <c>Observatory__Notifications__StaffAddresses</c>). The SMTP server's settings are in "Observatory:Smtp".
/// </summary>
public sealed class NotificationOptions
{
    /// <summary>
    /// The address the links in mails start with: the Function App's own (https://&lt;app&gt;.azurewebsites.net in
    /// Azure; http://127.0.0.1:7071 locally, the default).
    /// </summary>
    public string PublicUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>
    /// The staff addresses that receive the daily summary, separated by ';' or ','. Empty: no summary is sent. Personal
    /// data like the contacts: a setting (a Key Vault reference in Azure), never logged.
    /// </summary>
    public string StaffAddresses { get; set; } = string.Empty;

    /// <summary>The language of the staff's summary (en, es, pt or fr; default en).</summary>
    public string StaffLanguage { get; set; } = "en";

    /// <summary>The days before the deadline on which a reminder goes out (default "30,7,1").</summary>
    public string ReminderDays { get; set; } = "30,7,1";

    /// <summary>
    /// The month of the year after the reporting year whose <see cref="DeadlineDay"/> is the deadline of a return
    /// (default 3: returns of Y are due by 1 March of Y+1, the day the annual snapshot is compiled).
    /// </summary>
    public int DeadlineMonth { get; set; } = 3;

    /// <summary>The day of <see cref="DeadlineMonth"/> that is the deadline (default 1).</summary>
    public int DeadlineDay { get; set; } = 1;

    /// <summary>The staff addresses, split and trimmed.</summary>
    public IReadOnlyList<string> StaffAddressList() =>
        [.. StaffAddresses.Split([';', ',', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The reminder days, largest first.</summary>
    /// <exception cref="FormatException">A day is not a positive whole number.</exception>
    public IReadOnlyList<int> ReminderDayList() =>
        [.. ReminderDays.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
                ? n : throw new FormatException($"Observatory:Notifications:ReminderDays: '{d}' is not a positive number of days."))
            .Distinct().OrderDescending()];
}

using Microsoft.Extensions.Configuration;

namespace Observatory.LocalHost.Timers;

/// <summary>
/// The time zone the timers' schedules are read in, as the Functions host reads them: UTC, whatever the machine's own
/// zone, unless the app setting WEBSITE_TIME_ZONE names another (a Windows id such as "Central Standard Time (Mexico)",
/// or an IANA id such as "America/Mexico_City", the form Azure takes on Linux).
/// </summary>
internal static class TimerTimeZone
{
    /// <summary>The app setting that names the zone.</summary>
    public const string SettingName = "WEBSITE_TIME_ZONE";

    /// <summary>The zone WEBSITE_TIME_ZONE names, or UTC when it is not set.</summary>
    /// <param name="configuration">The host's settings.</param>
    /// <exception cref="LocalHostStartupException">The setting names no zone known to this machine.</exception>
    public static TimeZoneInfo Resolve(IConfiguration configuration)
    {
        var id = configuration[SettingName];
        if (string.IsNullOrWhiteSpace(id))
            return TimeZoneInfo.Utc;
        try
        {
            // On Linux, .NET finds IANA ids in the system's tz database and converts Windows ids through ICU.
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new LocalHostStartupException([$"{SettingName} is '{id}', which is no time zone known to this machine (use an IANA id such as \"America/Mexico_City\" or a Windows id such as \"Central Standard Time (Mexico)\")."]);
        }
    }
}

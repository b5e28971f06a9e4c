using System.Globalization;

namespace Observatory.Core.Snapshots;

/// <summary>The fixed text forms of numbers and times in the snapshot's text files (invariant culture, no locale).</summary>
internal static class PublishedFormat
{
    /// <summary>A count as digits only; a rate with exactly <paramref name="decimals"/> decimals and '.' as the separator.</summary>
    public static string Number(decimal value, int decimals) =>
        value.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture);

    /// <summary>An ISO 8601 UTC time to the second (2026-02-14T09:30:00Z).</summary>
    public static string Timestamp(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A year as four digits.</summary>
    public static string Year(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    /// <summary>A UTC time truncated to whole seconds, the precision every format publishes.</summary>
    public static DateTime ToSecond(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
    }
}

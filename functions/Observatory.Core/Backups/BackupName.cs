using System.Globalization;

namespace Observatory.Core.Backups;

/// <summary>A backup's name: the UTC second it started, "yyyyMMddTHHmmssZ", so names sort as times do.</summary>
public static class BackupName
{
    private const string Format = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The name of a backup started at <paramref name="time"/>.</summary>
    public static string Of(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The start time a name stands for; false for anything that is not a backup's name.</summary>
    public static bool TryParse(string name, out DateTimeOffset time)
    {
        var parsed = DateTime.TryParseExact(name, Format, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc);
        time = parsed ? new DateTimeOffset(utc, TimeSpan.Zero) : default;
        return parsed;
    }
}

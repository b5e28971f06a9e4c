using System.Globalization;

namespace Observatory.Core.Snapshots;

/// <summary>Snapshot version stamps: the UTC second of the compile, "20260301T060000Z", which sort as they happened.</summary>
public static class SnapshotVersion
{
    /// <summary>The format of a version stamp.</summary>
    public const string Format = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The word that names the newest version of a year in URLs.</summary>
    public const string Latest = "latest";

    /// <summary>The stamp of a UTC time.</summary>
    public static string Of(DateTime utc) => utc.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The UTC time of a stamp.</summary>
    public static DateTime Parse(string version) =>
        DateTime.ParseExact(version, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>True when <paramref name="text"/> is a version stamp.</summary>
    public static bool IsValid(string? text) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);
}

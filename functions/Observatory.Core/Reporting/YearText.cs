using System.Globalization;

namespace Observatory.Core.Reporting;

/// <summary>What a year parameter said: nothing, a reporting year, or a refusal with a message for the caller.</summary>
/// <param name="Year">The reporting year, when the text is one.</param>
/// <param name="Refusal">Why the text is not a reporting year, when it is not.</param>
public readonly record struct YearReading(int? Year, string? Refusal)
{
    /// <summary>True when no year was given (null, empty or only white space).</summary>
    public bool IsMissing => Year is null && Refusal is null;
}

/// <summary>
/// The one reading of a year written as text, for every route that takes a year (query, route or body) and the intake:
/// four ASCII digits, with white space around them allowed, inside the reporting years. "2025.0", "+2025", "02025",
/// "２０２５" and numbers of any other length are refused with the same message as a year out of range.
/// </summary>
public static class YearText
{
    /// <summary>Reads <paramref name="text"/> against <paramref name="years"/>.</summary>
    public static YearReading Read(string? text, ReportingYears years)
    {
        if (string.IsNullOrWhiteSpace(text)) return default;
        var trimmed = text.Trim();
        return TryFourDigits(trimmed) is { } year && years.Contains(year)
            ? new YearReading(year, null)
            : new YearReading(null, years.Refusal(Shorten(trimmed)));
    }

    /// <summary>The year of exactly four ASCII digits, or null: the shape of a year, before its range is checked.</summary>
    public static int? TryFourDigits(ReadOnlySpan<char> text)
    {
        if (text.Length != 4) return null;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c)) return null;
        }
        return int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
    }

    /// <summary>A long parameter is quoted in part: the message must stay readable whatever was sent.</summary>
    private static string Shorten(string text) => text.Length <= 20 ? text : string.Concat(text.AsSpan(0, 20), "…");
}

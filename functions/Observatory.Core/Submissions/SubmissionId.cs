using System.Globalization;
using System.Security.Cryptography;

namespace Observatory.Core.Submissions;

/// <summary>
/// Submission ids carry their state and year ("MEX-2025-20260214T093000Z-9f3a61c2"), so a submission is found with
/// one point read and a focal point's right to it is checked before any storage is touched.
/// </summary>
public static class SubmissionId
{
    /// <summary>A new id for a submission of <paramref name="country"/> and <paramref name="year"/> received at <paramref name="receivedAt"/>.</summary>
    public static string New(string country, int year, DateTimeOffset receivedAt) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{country}-{year}-{receivedAt.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}");

    /// <summary>Reads the state and year out of an id; false when <paramref name="id"/> is not one.</summary>
    public static bool TryParse(string? id, out string country, out int year)
    {
        country = string.Empty;
        year = 0;
        if (id is null || id.Length > 64) return false;
        var parts = id.Split('-');
        if (parts.Length != 4 || parts[0].Length != 3 || !parts[0].All(char.IsAsciiLetterUpper)) return false;
        if (parts[1].Length != 4 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out year)) return false;
        if (!parts[2].All(c => char.IsAsciiDigit(c) || c is 'T' or 'Z') || !parts[3].All(char.IsAsciiHexDigitLower)) return false;
        country = parts[0];
        return true;
    }
}

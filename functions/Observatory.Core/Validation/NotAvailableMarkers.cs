namespace Observatory.Core.Validation;

/// <summary>
/// The usual ways of writing "no figure" in a value cell (n/d, s/d, N/A, "..", "-", "—"). A row whose
/// value is one of these is skipped with a warning, never stored as zero.
/// </summary>
public static class NotAvailableMarkers
{
    private static readonly HashSet<string> Markers = new(StringComparer.OrdinalIgnoreCase)
    {
        "n/d", "s/d", "n/a", "na", "n.d.", "s.d.", "n.a.", "nd",
        "..", "...", "\u2026", "-", "\u2013", "\u2014",
    };

    /// <summary>Every marker, in lower case.</summary>
    public static IReadOnlyCollection<string> All => Markers;

    /// <summary>True when <paramref name="text"/>, trimmed, is a marker (any case).</summary>
    public static bool IsMarker(string? text)
    {
        if (string.IsNullOrEmpty(text)) return false;
        var trimmed = text.AsSpan().Trim();
        // Markers are short; anything longer is a value (or a mistake) to be read as such.
        if (trimmed.Length is 0 or > 4) return false;
        // No marker starts with a digit, and most values do: they are settled without a lookup.
        if (char.IsAsciiDigit(trimmed[0])) return false;
        return Markers.GetAlternateLookup<ReadOnlySpan<char>>().Contains(trimmed);
    }
}

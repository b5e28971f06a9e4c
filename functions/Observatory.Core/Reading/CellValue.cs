namespace Observatory.Core.Reading;

/// <summary>
/// A cell as the file holds it: the text a person sees and, for numeric spreadsheet cells, the number
/// itself (which is taken as it is, never re-parsed through a locale).
/// </summary>
/// <param name="Text">The cell's text, trimmed; null or empty for a blank cell.</param>
/// <param name="Number">The numeric value of a numeric spreadsheet cell or JSON number; null otherwise.</param>
public readonly record struct CellValue(string? Text, double? Number = null)
{
    /// <summary>True when the cell has neither text nor a number.</summary>
    public bool IsBlank => Number is null && string.IsNullOrWhiteSpace(Text);

    /// <summary>The text to show in a report: the text, else the number in invariant form.</summary>
    public string Display => Text ?? Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>A cell of a return together with where it stands.</summary>
/// <param name="Column">Where it stands as a person sees it: a column letter (F) for spreadsheets and csv, a property name for JSON.</param>
/// <param name="Value">What it holds.</param>
public readonly record struct FieldCell(string Column, CellValue Value);

/// <summary>Spreadsheet column letters.</summary>
public static class ColumnLetters
{
    /// <summary>0 → A, 25 → Z, 26 → AA.</summary>
    public static string FromIndex(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }

    /// <summary>
    /// A → 0, Z → 25, AA → 26; -1 when <paramref name="letters"/> is not a column name; <see cref="int.MaxValue"/> for
    /// a name past every column an int can number (FXSHRXX and beyond), never an overflowed index.
    /// </summary>
    public static int ToIndex(ReadOnlySpan<char> letters)
    {
        if (letters.IsEmpty) return -1;
        long n = 0;
        foreach (var c in letters)
        {
            var upper = char.ToUpperInvariant(c);
            if (upper is < 'A' or > 'Z') return -1;
            n = Math.Min(n * 26 + (upper - 'A' + 1), (long)int.MaxValue + 1);
        }
        return (int)Math.Min(n - 1, int.MaxValue);
    }
}

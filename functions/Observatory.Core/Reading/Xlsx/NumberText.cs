using System.Globalization;

namespace Observatory.Core.Reading.Xlsx;

/// <summary>The text of a numeric cell.</summary>
internal static class NumberText
{
    /// <summary>The text of 0 to 9,999, made on first use; shared by every reader (a race only formats a number twice).</summary>
    private static readonly string?[] SmallWholeNumbers = new string?[10_000];

    /// <summary>
    /// The number as Excel shows it in a General cell, in invariant form: at most 15 significant digits, so a
    /// stored 0.30000000000000004 reads 0.3 and 12 reads 12. The exact value stays in <see cref="CellValue.Number"/>.
    /// </summary>
    public static string AsShown(double number)
    {
        // Whole numbers, most cells of a return, are their digits; small ones (counts, years) are formatted once.
        if (number >= 0 && number < SmallWholeNumbers.Length && Math.Floor(number) == number && !double.IsNegative(number))
            return SmallWholeNumbers[(int)number] ??= ((int)number).ToString(CultureInfo.InvariantCulture);
        return number.ToString("G15", CultureInfo.InvariantCulture);
    }
}

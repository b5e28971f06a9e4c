using System.Globalization;

namespace Observatory.Core.Reading.Xlsx;

/// <summary>The text of a numeric cell.</summary>
internal static class NumberText
{
    /// <summary>
    /// The number as Excel shows it in a General cell, in invariant form: at most 15 significant digits, so a
    /// stored 0.30000000000000004 reads 0.3 and 12 reads 12. The exact value stays in <see cref="CellValue.Number"/>.
    /// </summary>
    public static string AsShown(double number) => number.ToString("G15", CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Observatory.Core.Validation;

/// <summary>Names another row in a message: its number, and its sheet when that is not the current one.</summary>
internal static class RowReference
{
    public static string To(string sheet, int row, string currentSheet) =>
        string.Equals(sheet, currentSheet, StringComparison.Ordinal)
            ? row.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{row} ({sheet})");
}

using System.Globalization;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Validation;

/// <summary>Names other rows in a message.</summary>
internal static class RowReference
{
    /// <summary>Another row: its number, and its sheet when that is not the current one.</summary>
    public static string To(string sheet, int row, string currentSheet) =>
        string.Equals(sheet, currentSheet, StringComparison.Ordinal)
            ? row.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{row} ({sheet})");

    /// <summary>"row 4" or "rows 2, 3, 5" in each language.</summary>
    public static LocalizedText List(IReadOnlyList<int> rows)
    {
        var numbers = string.Join(", ", rows.Select(row => row.ToString(CultureInfo.InvariantCulture)));
        return rows.Count == 1
            ? new LocalizedText($"row {numbers}", $"fila {numbers}", $"linha {numbers}", $"ligne {numbers}")
            : new LocalizedText($"rows {numbers}", $"filas {numbers}", $"linhas {numbers}", $"lignes {numbers}");
    }

    /// <summary>"rows 7–12, 15" in each language: the rows in order, runs of consecutive rows as a range.</summary>
    public static LocalizedText Ranges(IReadOnlyList<int> rows)
    {
        var sorted = rows.Distinct().Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var end = i;
            while (end + 1 < sorted.Count && sorted[end + 1] == sorted[end] + 1) end++;
            parts.Add(end == i
                ? sorted[i].ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{sorted[i]}–{sorted[end]}"));
            i = end + 1;
        }
        var numbers = string.Join(", ", parts);
        return sorted.Count == 1
            ? new LocalizedText($"row {numbers}", $"fila {numbers}", $"linha {numbers}", $"ligne {numbers}")
            : new LocalizedText($"rows {numbers}", $"filas {numbers}", $"linhas {numbers}", $"lignes {numbers}");
    }
}

using System.Text;
using MiniExcelLibs;
using Observatory.Core.Reading;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>Real return files for tests: xlsx written by an xlsx library independent of the pipeline's reader, and csv.</summary>
public static class ReturnFiles
{
    /// <summary>The content type of xlsx.</summary>
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>A workbook with one sheet holding exactly these rows (title rows, header, data), from cell A1.</summary>
    public static byte[] Xlsx(IReadOnlyList<object?[]> rows, string sheetName = "Datos")
    {
        var width = rows.Max(r => r.Length);
        var sheet = rows.Select(row =>
        {
            IDictionary<string, object?> cells = new Dictionary<string, object?>();
            for (var i = 0; i < width; i++) cells[ColumnLetters.FromIndex(i)] = i < row.Length ? row[i] : null;
            return cells;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: false, sheetName: sheetName, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A csv file in UTF-8 with these rows, separated by <paramref name="separator"/>.</summary>
    public static byte[] Csv(IReadOnlyList<object?[]> rows, char separator = ',') =>
        Encoding.UTF8.GetBytes(string.Join("\r\n", rows.Select(r => string.Join(separator, r.Select(c => Quote(Convert.ToString(c, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, separator))))) + "\r\n");

    private static string Quote(string cell, char separator) =>
        cell.Contains(separator) || cell.Contains('"') ? $"\"{cell.Replace("\"", "\"\"")}\"" : cell;
}

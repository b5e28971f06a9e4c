using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;
using Observatory.Core.Reading;
using SpreadsheetCellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;
using SpreadsheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Observatory.Core.Spreadsheets;

/// <summary>Cells of the workbooks the pipeline writes: text as inline strings, numbers as numbers.</summary>
internal static class Cells
{
    /// <summary>The reference of a cell: column index 0 and row 1 is A1.</summary>
    public static string Reference(int column, int row) => ColumnLetters.FromIndex(column) + row.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A text cell; inline, so that a workbook needs no shared-string table. Characters XML cannot carry (control
    /// characters such as U+0001, U+000B, U+001B; lone surrogates) become U+FFFD and text past Excel's 32,767
    /// characters is cut (see <see cref="Snapshots.Writers.SpreadsheetText.Safe"/>): one such value in a report must
    /// not make the whole workbook unwritable.
    /// </summary>
    public static Cell Text(int column, int row, string text, uint style = WorkbookStyles.Plain) => new()
    {
        CellReference = Reference(column, row),
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new SpreadsheetText(Snapshots.Writers.SpreadsheetText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style,
    };

    /// <summary>A numeric cell.</summary>
    public static Cell Number(int column, int row, double number, uint style = WorkbookStyles.Plain) => new()
    {
        CellReference = Reference(column, row),
        CellValue = new SpreadsheetCellValue(number),
        StyleIndex = style,
    };

    /// <summary>A cell with a style and nothing in it (an input cell, a highlighted blank).</summary>
    public static Cell Empty(int column, int row, uint style) => new()
    {
        CellReference = Reference(column, row),
        StyleIndex = style,
    };

    /// <summary>A cell as the file held it: a number stays a number, text stays text.</summary>
    public static Cell Copy(int column, int row, Reading.CellValue value, uint style = WorkbookStyles.Plain) =>
        value.Number is double number ? Number(column, row, number, style)
        : value.IsBlank ? Empty(column, row, style)
        : Text(column, row, value.Display, style);

    /// <summary>A column width for columns <paramref name="first"/> to <paramref name="last"/> (0-based).</summary>
    public static Column Width(int first, int last, double width) => new()
    {
        Min = (uint)first + 1,
        Max = (uint)last + 1,
        Width = width,
        CustomWidth = true,
    };
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Observatory.Tests.Shared;

// Shared by the unit and integration tests (linked into both projects).

/// <summary>
/// A workbook the pipeline wrote, read with the OpenXml SDK as Excel would see it, and edited the way a person types
/// into it (a value in a cell, nothing else touched).
/// </summary>
internal sealed class GeneratedWorkbook : IDisposable
{
    private readonly MemoryStream _stream;
    private readonly SpreadsheetDocument _document;

    public GeneratedWorkbook(byte[] file, bool editable = false)
    {
        _stream = new MemoryStream();
        _stream.Write(file);
        _stream.Position = 0;
        _document = SpreadsheetDocument.Open(_stream, editable);
    }

    public WorkbookPart Workbook => _document.WorkbookPart!;

    public IReadOnlyList<Sheet> Sheets => [.. Workbook.Workbook.Sheets!.Elements<Sheet>()];

    public Worksheet Worksheet(string name) =>
        ((WorksheetPart)Workbook.GetPartById(Sheets.Single(s => s.Name == name).Id!)).Worksheet;

    public IEnumerable<Row> Rows(string sheet) => Worksheet(sheet).GetFirstChild<SheetData>()!.Elements<Row>();

    public Cell? Cell(string sheet, string reference) =>
        Worksheet(sheet).Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);

    /// <summary>What a cell shows: its inline or shared text, or its number.</summary>
    public string Text(Cell? cell)
    {
        if (cell is null) return string.Empty;
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? string.Empty;
        if (cell.DataType?.Value == CellValues.SharedString)
            return Workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text)).InnerText;
        return cell.CellValue?.Text ?? string.Empty;
    }

    public string Text(string sheet, string reference) => Text(Cell(sheet, reference));

    public CellFormat Format(Cell cell) =>
        Workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    /// <summary>True unless the cell's format unlocks it (cells are locked by default under sheet protection).</summary>
    public bool IsLocked(Cell cell) => Format(cell).Protection?.Locked?.Value ?? true;

    /// <summary>The ARGB of the cell's solid fill, or null.</summary>
    public string? FillRgb(Cell cell)
    {
        var fill = Workbook.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>().ElementAt((int)(Format(cell).FillId?.Value ?? 0));
        return fill.PatternFill?.PatternType?.Value == PatternValues.Solid ? fill.PatternFill.ForegroundColor?.Rgb?.Value : null;
    }

    public IReadOnlyList<DataValidation> Validations(string sheet) =>
        [.. Worksheet(sheet).GetFirstChild<DataValidations>()?.Elements<DataValidation>() ?? []];

    /// <summary>The validation whose ranges cover <paramref name="reference"/>.</summary>
    public DataValidation? ValidationOf(string sheet, string reference)
    {
        var (column, row) = Split(reference);
        return Validations(sheet).FirstOrDefault(v => v.SequenceOfReferences!.Items.Any(range =>
        {
            var bounds = range.Value!.Split(':');
            var (firstColumn, firstRow) = Split(bounds[0]);
            var (lastColumn, lastRow) = Split(bounds[^1]);
            return column == firstColumn && column == lastColumn && row >= firstRow && row <= lastRow;
        }));
    }

    /// <summary>The texts of the cells a defined name refers to ("Lists!$A$1:$A$19").</summary>
    public IReadOnlyList<string> NamedList(string name)
    {
        var text = Workbook.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == name).Text!;
        var sheet = text[..text.IndexOf('!')].Trim('\'');
        var bounds = text[(text.IndexOf('!') + 1)..].Replace("$", "").Split(':');
        var (column, first) = Split(bounds[0]);
        var (_, last) = Split(bounds[1]);
        return [.. Enumerable.Range(first, last - first + 1).Select(row => Text(sheet, column + row))];
    }

    /// <summary>Types <paramref name="value"/> into a cell as a person would: a number as a number, text as text.</summary>
    public void Type(string sheet, string reference, object value)
    {
        var cell = Cell(sheet, reference) ?? throw new InvalidOperationException($"{sheet}!{reference} has no cell to type into.");
        cell.InlineString = null;
        if (value is string text)
        {
            cell.DataType = CellValues.InlineString;
            cell.CellValue = null;
            cell.InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(text));
        }
        else
        {
            cell.DataType = null;
            cell.CellValue = new CellValue(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The workbook as saved after the edits.</summary>
    public byte[] Save()
    {
        _document.Save();
        _document.Dispose();
        return _stream.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }

    private static (string Column, int Row) Split(string reference)
    {
        var letters = new string(reference.TakeWhile(char.IsAsciiLetter).ToArray());
        return (letters, int.Parse(reference[letters.Length..], System.Globalization.CultureInfo.InvariantCulture));
    }
}

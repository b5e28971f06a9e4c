using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Observatory.Core.Tests.Reading.Support;

/// <summary>
/// Writes real xlsx files with the Open XML SDK, with control over what the reader must cope with: shared and
/// inline strings, numbers, booleans, errors, formulas, row gaps, cells without references, hidden sheets.
/// In a row, a string is written as a shared string, a number as a number, null leaves the cell out, and an
/// Open XML <see cref="Cell"/> is written as given (its reference set unless <see cref="WithoutReference"/>).
/// </summary>
internal sealed class WorkbookFile
{
    private readonly List<(string Name, bool Hidden, List<(int? Number, object?[] Cells)> Rows)> _sheets = [];

    public WorkbookFile Sheet(string name, Action<SheetRows> rows, bool hidden = false)
    {
        var sheet = new SheetRows();
        rows(sheet);
        _sheets.Add((name, hidden, sheet.Rows));
        return this;
    }

    public static Cell Inline(string text) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(new SheetText(text)) };

    public static Cell RichInline(params string[] runs) =>
        new() { DataType = CellValues.InlineString, InlineString = new InlineString(runs.Select(r => new Run(new SheetText(r) { Space = SpaceProcessingModeValues.Preserve }))) };

    public static Cell Boolean(bool value) =>
        new() { DataType = CellValues.Boolean, CellValue = new CellValue(value ? "1" : "0") };

    public static Cell Error(string code) =>
        new() { DataType = CellValues.Error, CellValue = new CellValue(code) };

    public static Cell FormulaText(string formula, string cached) =>
        new() { DataType = CellValues.String, CellFormula = new CellFormula(formula), CellValue = new CellValue(cached) };

    public static Cell FormulaNumber(string formula, string cached) =>
        new() { CellFormula = new CellFormula(formula), CellValue = new CellValue(cached) };

    /// <summary>A number written exactly as <paramref name="stored"/> (e.g. 0.30000000000000004).</summary>
    public static Cell StoredNumber(string stored) => new() { CellValue = new CellValue(stored) };

    /// <summary>A cell written without its r attribute, so that it takes the column after the previous cell.</summary>
    public static Unreferenced WithoutReference(object value) => new(value);

    /// <summary>A shared string of rich-text runs with a phonetic guide, which Excel does not show in the cell.</summary>
    public static RichShared RichSharedString(string phonetic, params string[] runs) => new(runs, phonetic);

    internal sealed record Unreferenced(object Value);

    internal sealed record RichShared(string[] Runs, string Phonetic);

    public byte[] ToBytes()
    {
        using var output = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets());
            var strings = new SharedStrings(workbook.AddNewPart<SharedStringTablePart>());
            uint id = 1;
            foreach (var (name, hidden, rows) in _sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData(rows.Select(r => BuildRow(r.Number, r.Cells, strings))));
                var sheet = new Sheet { Name = name, SheetId = id++, Id = workbook.GetIdOfPart(part) };
                if (hidden) sheet.State = SheetStateValues.Hidden;
                workbook.Workbook.Sheets!.Append(sheet);
            }
            strings.Save();
        }
        return output.ToArray();
    }

    private static Row BuildRow(int? number, object?[] cells, SharedStrings strings)
    {
        var row = new Row();
        if (number is not null) row.RowIndex = (uint)number.Value;
        for (var i = 0; i < cells.Length; i++)
        {
            var value = cells[i] is Unreferenced u ? u.Value : cells[i];
            var cell = value switch
            {
                null => null,
                string text => SharedCell(strings.IndexOf(text)),
                RichShared rich => SharedCell(strings.Add(rich)),
                int n => new Cell { CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) },
                double d => new Cell { CellValue = new CellValue(d.ToString("R", CultureInfo.InvariantCulture)) },
                Cell given => given,
                var other => throw new ArgumentException($"Cannot write {other.GetType()}"),
            };
            if (cell is null) continue;
            if (cells[i] is not Unreferenced && number is not null)
                cell.CellReference = Observatory.Core.Reading.ColumnLetters.FromIndex(i) + number.Value.ToString(CultureInfo.InvariantCulture);
            row.Append(cell);
        }
        return row;
    }

    private static Cell SharedCell(int index) =>
        new() { DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) };

    internal sealed class SheetRows
    {
        public List<(int? Number, object?[] Cells)> Rows { get; } = [];

        /// <summary>Row <paramref name="number"/> with <paramref name="cells"/> from column A.</summary>
        public SheetRows Row(int number, params object?[] cells)
        {
            Rows.Add((number, cells));
            return this;
        }

        /// <summary>A row written without its r attribute (and its cells without references).</summary>
        public SheetRows UnnumberedRow(params object?[] cells)
        {
            Rows.Add((null, cells));
            return this;
        }
    }

    private sealed class SharedStrings(SharedStringTablePart part)
    {
        private readonly List<SharedStringItem> _items = [];
        private readonly Dictionary<string, int> _plain = [];

        public int IndexOf(string text)
        {
            if (_plain.TryGetValue(text, out var index)) return index;
            _items.Add(new SharedStringItem(new SheetText(text) { Space = SpaceProcessingModeValues.Preserve }));
            return _plain[text] = _items.Count - 1;
        }

        public int Add(RichShared rich)
        {
            var item = new SharedStringItem(rich.Runs.Select(r => new Run(new SheetText(r) { Space = SpaceProcessingModeValues.Preserve })));
            item.Append(new PhoneticRun(new SheetText(rich.Phonetic)) { BaseTextStartIndex = 0, EndingBaseIndex = 1 });
            _items.Add(item);
            return _items.Count - 1;
        }

        public void Save() => part.SharedStringTable = new SharedStringTable(_items);
    }
}

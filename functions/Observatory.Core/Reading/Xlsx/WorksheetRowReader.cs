using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SpreadsheetCellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;
using SpreadsheetText = DocumentFormat.OpenXml.Spreadsheet.Text;
using Observatory.Core.Reading.Tabular;

namespace Observatory.Core.Reading.Xlsx;

/// <summary>
/// Reads a worksheet's rows with the SAX-style <see cref="OpenXmlReader"/>, one row at a time, so that memory does
/// not grow with the number of rows.
/// </summary>
internal static class WorksheetRowReader
{
    /// <summary>
    /// The rows of <paramref name="part"/>, numbered by their r attribute as the spreadsheet shows them (a row
    /// without one follows the previous); each cell placed by its reference (a cell without one takes the next
    /// column). Blank cells are left out.
    /// </summary>
    public static IEnumerable<SheetRow> Read(WorksheetPart part, IReadOnlyList<string> sharedStrings)
    {
        using var reader = OpenXmlReader.Create(part);
        var rowNumber = 0;
        var cells = new List<SheetCell>();
        var width = 0;
        var cell = new CellBuilder(sharedStrings);
        var column = -1;
        var phoneticDepth = 0;
        while (reader.Read())
        {
            var type = reader.ElementType;
            if (type == typeof(Row))
            {
                if (reader.IsStartElement)
                {
                    rowNumber = ReadRowNumber(reader, rowNumber);
                    // Rows of a sheet are mostly as wide as the one before: sized so, the list rarely grows.
                    cells = new List<SheetCell>(width);
                    column = -1;
                }
                else
                {
                    width = Math.Max(width, cells.Count);
                    yield return new SheetRow(rowNumber, cells);
                }
            }
            else if (type == typeof(Cell))
            {
                if (reader.IsStartElement)
                {
                    column = ReadCell(reader, column, cell);
                }
                else
                {
                    var value = cell.Build();
                    if (!value.IsBlank)
                        cells.Add(new SheetCell(column, value));
                }
            }
            else if (type == typeof(SpreadsheetCellValue) && reader.IsStartElement)
            {
                cell.Value = reader.GetText();
            }
            else if (type == typeof(PhoneticRun))
            {
                phoneticDepth += reader.IsStartElement ? 1 : -1;
            }
            else if (type == typeof(SpreadsheetText) && reader.IsStartElement && phoneticDepth == 0)
            {
                // Only inline strings (<is>) hold <t> inside a worksheet's cells.
                cell.AppendInline(reader.GetText());
            }
        }
    }

    // The attributes are read by index: a foreach over the collection would allocate an enumerator for every row and cell.
    private static int ReadRowNumber(OpenXmlReader reader, int previous)
    {
        var attributes = reader.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (attribute.LocalName == "r" && int.TryParse(attribute.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                return number;
        }
        return previous + 1;
    }

    private static int ReadCell(OpenXmlReader reader, int previousColumn, CellBuilder cell)
    {
        var column = previousColumn + 1;
        cell.Start();
        var attributes = reader.Attributes;
        for (var i = 0; i < attributes.Count; i++)
        {
            var attribute = attributes[i];
            if (attribute.LocalName == "r")
            {
                var index = ColumnOfReference(attribute.Value);
                if (index >= 0) column = index;
            }
            else if (attribute.LocalName == "t")
            {
                cell.Type = attribute.Value;
            }
        }
        return column;
    }

    private static int ColumnOfReference(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return -1;
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters])) letters++;
        return ColumnLetters.ToIndex(reference.AsSpan(0, letters));
    }

    /// <summary>Collects one cell's type, value and inline text, and turns them into a <see cref="CellValue"/>.</summary>
    private sealed class CellBuilder(IReadOnlyList<string> sharedStrings)
    {
        private readonly StringBuilder _inline = new();

        public string? Type { get; set; }

        public string? Value { get; set; }

        public void Start()
        {
            Type = null;
            Value = null;
            _inline.Clear();
        }

        public void AppendInline(string text) => _inline.Append(text);

        public CellValue Build() => Type switch
        {
            "s" => Text(SharedString(Value)),
            "inlineStr" => Text(_inline.ToString()),
            "b" => Text(Value?.Trim() switch { "1" => "TRUE", "0" => "FALSE", var other => other }),
            // Formula strings (str), errors (#N/A) and ISO dates (d) are shown as written.
            "str" or "e" or "d" => Text(Value),
            _ => Numeric(Value),
        };

        private string? SharedString(string? index)
        {
            if (index is null) return null;
            if (!int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= sharedStrings.Count)
                throw new InvalidDataException($"The shared string {index} does not exist.");
            return sharedStrings[i];
        }

        private static CellValue Text(string? text)
        {
            var trimmed = text?.Trim();
            return new CellValue(string.IsNullOrEmpty(trimmed) ? null : trimmed);
        }

        private static CellValue Numeric(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
                return new CellValue(null);
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return Text(value);
            return new CellValue(NumberText.AsShown(number), number);
        }
    }
}

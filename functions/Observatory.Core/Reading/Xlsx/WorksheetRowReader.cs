using System.Globalization;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Observatory.Core.Reading.Tabular;

namespace Observatory.Core.Reading.Xlsx;

/// <summary>
/// Reads a worksheet's rows with a plain <see cref="XmlReader"/>, one row at a time and each text in chunks, so that
/// memory grows neither with the number of rows nor with the length of a cell, and a sheet past the
/// <see cref="ReturnLimits"/> (a row past 1,048,576, a column past XFD, a cell over 32,767 characters) stops with a
/// <see cref="ReturnLimitException"/> positioned where it went past, before anything large is allocated.
/// </summary>
internal static class WorksheetRowReader
{
    /// <summary>
    /// The rows of <paramref name="part"/>, numbered by their r attribute as the spreadsheet shows them (a row
    /// without one follows the previous); each cell placed by its reference (a cell without one takes the next
    /// column). Blank cells are left out.
    /// </summary>
    /// <param name="part">The worksheet.</param>
    /// <param name="sharedStrings">The workbook's shared strings.</param>
    /// <param name="sheet">The sheet's name, where limit problems are placed.</param>
    /// <param name="limits">The limits.</param>
    public static IEnumerable<SheetRow> Read(WorksheetPart part, IReadOnlyList<string> sharedStrings, string sheet, ReturnLimits limits)
    {
        using var reader = XmlParts.Open(part, limits.MaxPartBytes);
        if (!MoveToSheetData(reader) || reader.IsEmptyElement)
            yield break;
        var dataDepth = reader.Depth;
        var cell = new CellBuilder(sharedStrings, limits.MaxCellChars);
        long rowNumber = 0;
        var width = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == dataDepth)
                yield break;
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != dataDepth + 1 || reader.LocalName != "row")
                continue;
            rowNumber = ReadRowNumber(reader, rowNumber);
            if (rowNumber > limits.MaxRows)
                throw new ReturnLimitException(LimitProblems.RowBeyondLimit(sheet, rowNumber, limits.MaxRows));
            // Rows of a sheet are mostly as wide as the one before: sized so, the list rarely grows.
            var cells = new List<SheetCell>(width);
            if (!reader.IsEmptyElement)
                ReadCells(reader, (int)rowNumber, cells, cell, sheet, limits);
            width = Math.Max(width, cells.Count);
            yield return new SheetRow((int)rowNumber, cells);
        }
    }

    private static bool MoveToSheetData(XmlReader reader)
    {
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheetData" && reader.Depth == 1)
                return true;
        }
        return false;
    }

    /// <summary>Reads the cells of the row the reader stands on, up to its end tag.</summary>
    private static void ReadCells(XmlReader reader, int rowNumber, List<SheetCell> cells, CellBuilder cell, string sheet, ReturnLimits limits)
    {
        var rowDepth = reader.Depth;
        var column = -1;
        var count = 0;
        var ordered = true;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == rowDepth)
                break;
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != rowDepth + 1 || reader.LocalName != "c")
                continue;
            column = ReadCellStart(reader, column, cell, sheet, rowNumber, limits.MaxColumns);
            // More cells than a row has columns can only be one cell written again and again.
            if (++count > limits.MaxColumns)
                throw new ReturnLimitException(LimitProblems.ColumnBeyondLimit(sheet, rowNumber, ColumnLetters.FromIndex(limits.MaxColumns), limits.MaxColumns));
            if (!reader.IsEmptyElement)
                ReadCellContent(reader, cell, sheet, rowNumber, column, limits.MaxCellChars);
            var value = cell.Build();
            if (!value.IsBlank)
            {
                ordered &= cells.Count == 0 || column > cells[^1].Column;
                cells.Add(new SheetCell(column, value));
            }
        }
        if (!ordered)
            InColumnOrder(cells);
    }

    /// <summary>
    /// Puts the cells of a row whose references go back (a cell written again, or out of order) in column order, one
    /// cell per column, the one written last kept: the rest of the reader relies on each column appearing once.
    /// </summary>
    private static void InColumnOrder(List<SheetCell> cells)
    {
        var last = new SortedDictionary<int, CellValue>();
        foreach (var cell in cells)
            last[cell.Column] = cell.Value;
        cells.Clear();
        foreach (var (column, value) in last)
            cells.Add(new SheetCell(column, value));
    }

    private static void ReadCellContent(XmlReader reader, CellBuilder cell, string sheet, int rowNumber, int column, int maxChars)
    {
        var cellDepth = reader.Depth;
        var phoneticDepth = -1;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement)
            {
                if (reader.Depth == cellDepth) return;
                if (reader.Depth == phoneticDepth) phoneticDepth = -1;
                continue;
            }
            if (reader.NodeType != XmlNodeType.Element) continue;
            var fits = true;
            switch (reader.LocalName)
            {
                case "v" when reader.Depth == cellDepth + 1:
                    fits = cell.AppendValue(reader);
                    break;
                case "rPh" when phoneticDepth < 0 && !reader.IsEmptyElement:
                    phoneticDepth = reader.Depth;
                    break;
                // Only inline strings (<is>) hold <t> inside a worksheet's cells.
                case "t" when phoneticDepth < 0:
                    fits = cell.AppendInline(reader);
                    break;
            }
            if (!fits)
                throw new ReturnLimitException(LimitProblems.CellTooLong(sheet, rowNumber, ColumnLetters.FromIndex(column), maxChars));
        }
    }

    private static long ReadRowNumber(XmlReader reader, long previous)
    {
        var r = XmlParts.Attribute(reader, "r");
        return r is not null && long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : previous + 1;
    }

    private static int ReadCellStart(XmlReader reader, int previousColumn, CellBuilder cell, string sheet, int rowNumber, int maxColumns)
    {
        var column = previousColumn + 1;
        cell.Start();
        if (reader.HasAttributes)
        {
            for (var i = 0; i < reader.AttributeCount; i++)
            {
                reader.MoveToAttribute(i);
                if (reader.LocalName == "r")
                {
                    var reference = reader.Value;
                    var letters = 0;
                    while (letters < reference.Length && char.IsAsciiLetter(reference[letters])) letters++;
                    var index = ColumnLetters.ToIndex(reference.AsSpan(0, letters));
                    if (index >= maxColumns)
                        throw new ReturnLimitException(LimitProblems.ColumnBeyondLimit(sheet, rowNumber, reference[..letters].ToUpperInvariant(), maxColumns));
                    if (index >= 0) column = index;
                }
                else if (reader.LocalName == "t")
                {
                    cell.Type = reader.Value;
                }
            }
            reader.MoveToElement();
        }
        if (column >= maxColumns)
            throw new ReturnLimitException(LimitProblems.ColumnBeyondLimit(sheet, rowNumber, ColumnLetters.FromIndex(column), maxColumns));
        return column;
    }

    /// <summary>Collects one cell's type, value and inline text, and turns them into a <see cref="CellValue"/>.</summary>
    private sealed class CellBuilder(IReadOnlyList<string> sharedStrings, int maxChars)
    {
        private readonly StringBuilder _value = new();
        private readonly StringBuilder _inline = new();
        private readonly char[] _buffer = new char[4096];

        public string? Type { get; set; }

        public void Start()
        {
            Type = null;
            _value.Clear();
            _inline.Clear();
        }

        public bool AppendValue(XmlReader reader) => XmlParts.AppendText(reader, _value, maxChars, _buffer);

        public bool AppendInline(XmlReader reader) => XmlParts.AppendText(reader, _inline, maxChars, _buffer);

        public CellValue Build()
        {
            var value = _value.Length == 0 ? null : _value.ToString();
            return Type switch
            {
                "s" => Text(SharedString(value)),
                "inlineStr" => Text(_inline.ToString()),
                "b" => Text(value?.Trim() switch { "1" => "TRUE", "0" => "FALSE", var other => other }),
                // Formula strings (str), errors (#N/A) and ISO dates (d) are shown as written.
                "str" or "e" or "d" => Text(value),
                _ => Numeric(value),
            };
        }

        private string? SharedString(string? index)
        {
            if (index is null) return null;
            if (!int.TryParse(index, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var i) || i < 0 || i >= sharedStrings.Count)
                throw new InvalidDataException($"The shared string {LimitProblems.Clip(index, 20)} does not exist.");
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

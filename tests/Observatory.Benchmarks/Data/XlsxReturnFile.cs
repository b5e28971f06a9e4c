using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetText = DocumentFormat.OpenXml.Spreadsheet.Text;

namespace Observatory.Benchmarks.Data;

/// <summary>
/// Writes a generated return as an xlsx workbook with the SAX-style <see cref="OpenXmlWriter"/>, row by row, so that a
/// million rows are never held in memory. Text cells are shared strings and numbers numeric cells, as Excel saves them.
/// </summary>
public static class XlsxReturnFile
{
    /// <summary>The name of the data sheet.</summary>
    public const string SheetName = "Data";

    /// <summary>Writes <paramref name="rows"/> under the header to <paramref name="output"/>, which stays open.</summary>
    public static void Write(Stream output, string country, IEnumerable<ReturnRow> rows)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        Write(document, country, rows);
    }

    /// <summary>Writes the workbook at <paramref name="path"/>.</summary>
    public static void Write(string path, string country, IEnumerable<ReturnRow> rows)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        Write(document, country, rows);
    }

    /// <summary>The workbook's bytes.</summary>
    public static byte[] Bytes(string country, IEnumerable<ReturnRow> rows)
    {
        using var memory = new MemoryStream();
        Write(memory, country, rows);
        return memory.ToArray();
    }

    private static void Write(SpreadsheetDocument document, string country, IEnumerable<ReturnRow> rows)
    {
        var strings = ReturnContent.Vocabulary(country).Distinct().ToList();
        var index = strings.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i.ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);

        var workbook = document.AddWorkbookPart();
        workbook.AddNewPart<SharedStringTablePart>().SharedStringTable =
            new SharedStringTable(strings.Select(s => new SharedStringItem(new SheetText(s)))) { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count };
        var sheet = workbook.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(sheet))
        {
            var cells = new CellWriter(writer, index);
            writer.WriteStartElement(new Worksheet());
            writer.WriteStartElement(new SheetData());
            cells.StartRow(1);
            foreach (var header in ReturnContent.Header) cells.Shared(header);
            writer.WriteEndElement();
            var number = 1;
            foreach (var row in rows)
            {
                cells.StartRow(++number);
                cells.Shared(row.Country);
                cells.Number(row.Year);
                cells.Shared(row.Indicator);
                cells.Shared(row.Sex);
                cells.Shared(row.Age);
                cells.Shared(row.Region);
                cells.Shared(row.District);
                cells.Number(row.Value);
                cells.Shared(row.Note);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = SheetName, SheetId = 1, Id = workbook.GetIdOfPart(sheet) }));
    }

    /// <summary>Writes the cells of one row at a time, each with its reference; a null text leaves the cell out, as Excel does.</summary>
    private sealed class CellWriter(OpenXmlWriter writer, Dictionary<string, string> sharedIndex)
    {
        private static readonly OpenXmlAttribute[] NoAttributes = [];
        private readonly Cell _cell = new();
        private readonly CellValue _value = new();
        private string _rowText = "1";
        private int _column;

        public void StartRow(int number)
        {
            _rowText = number.ToString(CultureInfo.InvariantCulture);
            _column = 0;
            writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, _rowText)]);
        }

        public void Shared(string? text)
        {
            if (text is null)
            {
                _column++;
                return;
            }
            Write("s", sharedIndex[text]);
        }

        public void Number(long value) => Write(null, value.ToString(CultureInfo.InvariantCulture));

        private void Write(string? type, string value)
        {
            var reference = (char)('A' + _column++) + _rowText;
            writer.WriteStartElement(_cell, type is null
                ? [new OpenXmlAttribute("r", string.Empty, reference)]
                : [new OpenXmlAttribute("r", string.Empty, reference), new OpenXmlAttribute("t", string.Empty, type)]);
            writer.WriteStartElement(_value, NoAttributes);
            writer.WriteString(value);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }
}

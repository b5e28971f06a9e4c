using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Observatory.Core.Snapshots.Writers;

/// <summary>
/// observations.xlsx: the table on one sheet, streamed row by row with the SDK's SAX writer. Text is written as inline
/// strings (no shared-string table to hold in memory); year and value are numbers; times are ISO 8601 text as in the
/// CSV. The header row is bold and frozen. A text cell is never a formula in a workbook, so nothing is neutralised.
/// </summary>
internal sealed class ObservationsXlsxWriter(HashingStream output, ObservationsTable table) : IObservationsWriter
{
    private const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    // The SAX writer takes an element only for its name: one instance of each serves every cell.
    private readonly Row _row = new();
    private readonly Cell _cell = new();
    private readonly InlineString _inlineString = new();
    private readonly DocumentFormat.OpenXml.Spreadsheet.Text _text = new();
    private readonly CellValue _cellValue = new();
    private readonly OpenXmlAttribute[] _textCell = [new("r", string.Empty, string.Empty), new("t", string.Empty, "inlineStr")];
    private readonly OpenXmlAttribute[] _headerCell = [new("r", string.Empty, string.Empty), new("t", string.Empty, "inlineStr"), new("s", string.Empty, "1")];
    private readonly OpenXmlAttribute[] _numberCell = [new("r", string.Empty, string.Empty)];
    private readonly OpenXmlAttribute[] _quotedTextCell = [new("r", string.Empty, string.Empty), new("t", string.Empty, "inlineStr"), new("s", string.Empty, XlsxPackage.QuotePrefixStyle)];
    private readonly OpenXmlAttribute[] _preserveSpace = [new("xml", "space", XmlNamespace, "preserve")];
    private readonly string[] _columnLetters = [.. Enumerable.Range(0, table.Columns.Count).Select(ColumnLetters)];
    private ZipArchive? _archive;
    private Stream? _sheetEntry;
    private OpenXmlWriter? _sheet;
    private int _rowNumber;
    private string _rowText = string.Empty;
    private int _column;

    public HashingStream Output => output;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        XlsxPackage.WriteFixedParts(_archive, "observations");
        _sheetEntry = XlsxPackage.OpenSheet(_archive);
        _sheet = OpenXmlWriter.Create(_sheetEntry);
        _sheet.WriteStartDocument();
        _sheet.WriteStartElement(new Worksheet());
        _sheet.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1D, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0U }));
        _sheet.WriteElement(new Columns(table.Columns.Select((c, i) =>
            new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Width(c), CustomWidth = true })));
        _sheet.WriteStartElement(new SheetData());
        StartRow();
        foreach (var column in table.Columns)
            TextCell(column.Name, _headerCell);
        _sheet.WriteEndElement();
        return output.FlushAsync(cancellationToken);
    }

    public Task WriteStateAsync(IReadOnlyList<PublishedRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            StartRow();
            foreach (var column in table.Columns)
            {
                switch (column.Kind)
                {
                    case ColumnKind.Text:
                        var text = column.Text!(row);
                        // The text stays as in the other formats; a formula-like cell is marked quote-prefixed, which
                        // keeps it text even when someone edits it (the CSV's apostrophe, the way Excel stores it).
                        TextCell(text, text is not null && CsvTableWriter.Neutralise(text).Length != text.Length ? _quotedTextCell : _textCell);
                        break;
                    case ColumnKind.Year:
                        NumberCell(row.Text.Year);
                        break;
                    case ColumnKind.Number:
                        NumberCell(row.Text.Value);
                        break;
                    case ColumnKind.Timestamp:
                        TextCell(row.Text.AcceptedAt, _textCell);
                        break;
                    default:
                        throw new InvalidOperationException($"Unknown column kind {column.Kind}.");
                }
            }
            Sheet.WriteEndElement();
        }
        return output.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        Sheet.WriteEndElement(); // sheetData
        Sheet.WriteEndElement(); // worksheet
        Sheet.Close();
        _sheetEntry!.Dispose();
        _archive!.Dispose();
        await output.FlushAsync(cancellationToken);
    }

    private OpenXmlWriter Sheet => _sheet ?? throw new InvalidOperationException("The workbook has not been started.");

    private void StartRow()
    {
        _rowNumber++;
        _rowText = _rowNumber.ToString(CultureInfo.InvariantCulture);
        _column = 0;
        Sheet.WriteStartElement(_row, [new OpenXmlAttribute("r", string.Empty, _rowText)]);
    }

    private string NextReference() => string.Concat(_columnLetters[_column++], _rowText);

    private void TextCell(string? text, OpenXmlAttribute[] attributes)
    {
        var reference = NextReference();
        if (string.IsNullOrEmpty(text))
            return;
        attributes[0] = new OpenXmlAttribute("r", string.Empty, reference);
        var value = SpreadsheetText.Safe(text);
        Sheet.WriteStartElement(_cell, attributes);
        Sheet.WriteStartElement(_inlineString);
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            Sheet.WriteStartElement(_text, _preserveSpace);
        else
            Sheet.WriteStartElement(_text);
        Sheet.WriteString(value);
        Sheet.WriteEndElement();
        Sheet.WriteEndElement();
        Sheet.WriteEndElement();
    }

    private void NumberCell(string? number)
    {
        var reference = NextReference();
        if (number is null)
            return;
        _numberCell[0] = new OpenXmlAttribute("r", string.Empty, reference);
        Sheet.WriteStartElement(_cell, _numberCell);
        Sheet.WriteStartElement(_cellValue);
        Sheet.WriteString(number);
        Sheet.WriteEndElement();
        Sheet.WriteEndElement();
    }

    private static double Width(ObservationColumn column) => column.Name switch
    {
        "country_name" => 28,
        "indicator" => 20,
        "note" => 40,
        "submission_id" => 28,
        "accepted_at" => 21,
        _ => 12,
    };

    private static string ColumnLetters(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            letters = (char)('A' + (n - 1) % 26) + letters;
        return letters;
    }
}

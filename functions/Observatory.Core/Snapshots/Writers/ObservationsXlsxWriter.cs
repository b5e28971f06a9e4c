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
    private readonly string[] _columnLetters = [.. Enumerable.Range(0, table.Columns.Count).Select(ColumnLetters)];
    private ZipArchive? _archive;
    private Stream? _sheetEntry;
    private OpenXmlWriter? _sheet;
    private int _rowNumber;
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
            TextCell(column.Name, style: 1);
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
                        TextCell(column.Text!(row), style: 0);
                        break;
                    case ColumnKind.Year:
                        NumberCell(row.Year.ToString(CultureInfo.InvariantCulture));
                        break;
                    case ColumnKind.Number:
                        NumberCell(row.Number is { } number ? PublishedFormat.Number(number, row.Decimals) : null);
                        break;
                    case ColumnKind.Timestamp:
                        TextCell(PublishedFormat.Timestamp(row.AcceptedAt), style: 0);
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
        Sheet.WriteStartElement(new Row(), [new OpenXmlAttribute("r", string.Empty, _rowNumber.ToString(CultureInfo.InvariantCulture))]);
        _column = 0;
    }

    private string NextReference() => _columnLetters[_column++] + _rowNumber.ToString(CultureInfo.InvariantCulture);

    private void TextCell(string? text, uint style)
    {
        var reference = NextReference();
        if (string.IsNullOrEmpty(text))
            return;
        List<OpenXmlAttribute> attributes = [new("r", string.Empty, reference), new("t", string.Empty, "inlineStr")];
        if (style != 0)
            attributes.Add(new("s", string.Empty, style.ToString(CultureInfo.InvariantCulture)));
        Sheet.WriteStartElement(new Cell(), attributes);
        Sheet.WriteStartElement(new InlineString());
        var value = SpreadsheetText.Safe(text);
        Sheet.WriteElement(value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
            ? new DocumentFormat.OpenXml.Spreadsheet.Text(value) { Space = SpaceProcessingModeValues.Preserve }
            : new DocumentFormat.OpenXml.Spreadsheet.Text(value));
        Sheet.WriteEndElement();
        Sheet.WriteEndElement();
    }

    private void NumberCell(string? number)
    {
        var reference = NextReference();
        if (number is null)
            return;
        Sheet.WriteStartElement(new Cell(), [new OpenXmlAttribute("r", string.Empty, reference)]);
        Sheet.WriteElement(new CellValue(number));
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

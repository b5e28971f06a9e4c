using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Reading.Csv;
using Observatory.Core.Reading.Tabular;
using Observatory.Core.Reading.Xlsx;
using Observatory.Core.ReferenceData;
using Observatory.Core.Submissions;
using Observatory.Core.Validation;

namespace Observatory.Core.Reports;

/// <summary>
/// Opens the raw file of a submission again for its report: the sheets that hold its data or a problem, each with
/// the problems placed on it. A spreadsheet or csv is shown as it is, row for row and column for column; a JSON
/// document as a table of its observations, one row each below a header of property names.
/// </summary>
internal sealed class ReportSources : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private ReportSources() { }

    /// <summary>The sheets to show, in the file's order.</summary>
    public IReadOnlyList<ReportSheet> Sheets { get; private set; } = [];

    /// <summary>
    /// Opens <paramref name="raw"/>. A file that cannot be read at all gives no sheets: its report is the summary,
    /// whose problems say why.
    /// </summary>
    public static ReportSources Open(byte[] raw, Submission submission, IReadOnlyList<Problem> problems, ReferenceDataSet referenceData, ReturnLimits limits)
    {
        var sources = new ReportSources();
        try
        {
            sources.Sheets = submission.Format switch
            {
                ReturnFormat.Xlsx => sources.OpenXlsx(raw, submission, problems, referenceData, limits),
                ReturnFormat.Csv => OpenCsv(raw, submission, problems, referenceData, limits),
                _ => OpenJson(raw, submission, problems, referenceData, limits),
            };
        }
        catch (Exception exception) when (ReadFailure.IsUnreadableInput(exception))
        {
            sources.Sheets = [];
        }
        return sources;
    }

    public void Dispose()
    {
        foreach (var owned in _owned) owned.Dispose();
    }

    private static HeaderPosition? LocateHeader(byte[] raw, Submission submission, ReferenceDataSet referenceData, ReturnLimits limits)
    {
        using var parsed = ReturnReader.Open(new MemoryStream(raw, writable: false), submission.Format, submission.FileName, referenceData, limits);
        return parsed.Header;
    }

    /// <summary>
    /// A problem of a spreadsheet or csv stands where it says: its row, and the column of its letter. A column past the
    /// last a sheet can have (a limit's own problem) marks the whole row instead: no report reaches out to it.
    /// </summary>
    private static IEnumerable<PlacedProblem> PlaceTabular(IReadOnlyList<Problem> problems, string sheet, ReturnLimits limits) =>
        problems
            .Where(p => p.Sheet == sheet && p.Row is not null)
            .Select(p => new PlacedProblem(p, p.Row!.Value, ColumnOf(p.Column, limits)));

    private static int? ColumnOf(string? letters, ReturnLimits limits)
    {
        if (letters is null) return null;
        var index = ColumnLetters.ToIndex(letters);
        return index >= 0 && index < limits.MaxColumns ? index : null;
    }

    private List<ReportSheet> OpenXlsx(byte[] raw, Submission submission, IReadOnlyList<Problem> problems, ReferenceDataSet referenceData, ReturnLimits limits)
    {
        var stream = new MemoryStream(raw, writable: false);
        _owned.Add(stream);
        // One load of the shared strings serves both finding the header and showing the rows.
        var (header, document, sharedStrings) = XlsxReturnOpener.OpenForReport(stream, new CatalogColumnResolver(referenceData.Catalog), limits);
        _owned.Add(document);
        var workbook = document.WorkbookPart!;

        var wanted = problems.Where(p => p.Row is not null && p.Sheet is not null).Select(p => p.Sheet!).ToHashSet(StringComparer.Ordinal);
        if (header is not null) wanted.Add(header.Sheet);
        var sheets = new List<ReportSheet>();
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            var name = sheet.Name?.Value ?? string.Empty;
            if (!wanted.Contains(name) || sheet.Id?.Value is not string id || !workbook.TryGetPartById(id, out var part) || part is not WorksheetPart worksheet)
                continue;
            sheets.Add(new ReportSheet(name, header?.Sheet == name ? header.Row : null,
                () => WorksheetRowReader.Read(worksheet, sharedStrings, name, limits), PlaceTabular(problems, name, limits)));
        }
        return sheets;
    }

    private static List<ReportSheet> OpenCsv(byte[] raw, Submission submission, IReadOnlyList<Problem> problems, ReferenceDataSet referenceData, ReturnLimits limits)
    {
        var header = LocateHeader(raw, submission, referenceData, limits);
        // The reader names a csv's only sheet after the file; problems of the file as a whole have no sheet.
        var name = header?.Sheet ?? problems.FirstOrDefault(p => p.Sheet is not null)?.Sheet ?? submission.FileName;
        return [new ReportSheet(name, header?.Row, () => CsvReturnOpener.ReadRows(new MemoryStream(raw, writable: false), name, limits), PlaceTabular(problems, name, limits))];
    }

    private static List<ReportSheet> OpenJson(byte[] raw, Submission submission, IReadOnlyList<Problem> problems, ReferenceDataSet referenceData, ReturnLimits limits)
    {
        List<ReturnRecord> records;
        using (var parsed = ReturnReader.Open(new MemoryStream(raw, writable: false), ReturnFormat.Json, submission.FileName, referenceData, limits))
            records = [.. parsed.Records];
        if (records.Count == 0) return [];

        // Columns: the properties the observations have, in the order of a return's columns.
        var order = new[] { ReturnColumn.Country, ReturnColumn.Year, ReturnColumn.Indicator }
            .Concat(referenceData.Catalog.CodeLists.Where(l => l.IsDimension).Select(l => l.Id))
            .Concat([ReturnColumn.Unit, ReturnColumn.Value, ReturnColumn.Flag, ReturnColumn.Note])
            .Select((column, index) => (column, index))
            .ToDictionary(e => e.column, e => e.index, StringComparer.Ordinal);
        var columns = records
            .SelectMany(r => r.Fields)
            .GroupBy(f => f.Value.Column, StringComparer.Ordinal)
            .OrderBy(g => order.GetValueOrDefault(g.First().Key, int.MaxValue))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        var index = columns.Select((path, i) => (path, i)).ToDictionary(e => e.path, e => e.i, StringComparer.Ordinal);

        // Observation n is shown on row n + 1, below the header.
        IEnumerable<SheetRow> Rows()
        {
            yield return new SheetRow(1, [.. columns.Select((path, i) => new SheetCell(i, new Reading.CellValue(path)))]);
            foreach (var record in records)
            {
                var cells = record.Fields.Values
                    .Where(f => !f.Value.IsBlank)
                    .Select(f => new SheetCell(index[f.Column], f.Value))
                    .OrderBy(c => c.Column);
                yield return new SheetRow(record.Row + 1, [.. cells]);
            }
        }
        var placed = problems
            .Where(p => p.Sheet == JsonSheet && p.Row is not null)
            .Select(p => new PlacedProblem(p, p.Row!.Value + 1, p.Column is not null && index.TryGetValue(p.Column, out var column) ? column : null));
        return [new ReportSheet(JsonSheet, 1, Rows, placed)];
    }

    /// <summary>The sheet name of every JSON observation and its problems.</summary>
    private const string JsonSheet = "observations";
}

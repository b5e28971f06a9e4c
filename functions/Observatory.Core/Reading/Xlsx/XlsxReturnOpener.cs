using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Observatory.Core.Problems;
using Observatory.Core.Reading.Tabular;

namespace Observatory.Core.Reading.Xlsx;

/// <summary>Opens an xlsx return: finds its data sheet and metadata, and reads the data as a stream.</summary>
internal static class XlsxReturnOpener
{
    private const string UnreadableKey = "reading.format-error.xlsx";

    public static ParsedReturn Open(Stream content, IColumnResolver resolver, ReturnLimits limits)
    {
        Stream? seekable = null;
        SpreadsheetDocument? document = null;
        IReadOnlyList<string> sharedStrings;
        List<(Sheet Sheet, WorksheetPart Part)> worksheets;
        try
        {
            seekable = SeekableContent.Ensure(content);
            (document, sharedStrings, worksheets) = OpenPackage(seekable, limits);
        }
        catch (Exception exception) when (ReadFailure.IsUnreadableInput(exception))
        {
            document?.Dispose();
            return new RecordlessReturn(ReturnFormat.Xlsx, [Unreadable(exception)], owned: new DisposableGroup(seekable, content));
        }

        return Locate(worksheets, sharedStrings, resolver, limits, new DisposableGroup(document, seekable, content));
    }

    /// <summary>
    /// Opens a workbook for its report, loading its shared strings once: where the reader finds the header, and the
    /// package with its shared strings and worksheets to show again. The caller disposes the document.
    /// </summary>
    internal static (HeaderPosition? Header, SpreadsheetDocument Document, IReadOnlyList<string> SharedStrings) OpenForReport(Stream seekable, IColumnResolver resolver, ReturnLimits limits)
    {
        var (document, sharedStrings, worksheets) = OpenPackage(seekable, limits);
        try
        {
            // The document stays open for the report: the return read here owns nothing.
            using var parsed = Locate(worksheets, sharedStrings, resolver, limits, new DisposableGroup());
            return (parsed.Header, document, sharedStrings);
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    private static ParsedReturn Locate(List<(Sheet Sheet, WorksheetPart Part)> worksheets, IReadOnlyList<string> sharedStrings, IColumnResolver resolver, ReturnLimits limits, IDisposable owned)
    {
        if (worksheets.Count == 0)
            return new RecordlessReturn(ReturnFormat.Xlsx, [ReadingProblems.FormatError("reading.format-error.no-worksheet")], owned: owned);

        var metadata = new List<SheetSource>();
        var data = new List<SheetSource>();
        foreach (var (sheet, part) in worksheets)
        {
            var name = sheet.Name?.Value ?? string.Empty;
            var source = new SheetSource(name, () => WorksheetRowReader.Read(part, sharedStrings, name, limits));
            if (MetadataSheet.IsMetadata(name))
                metadata.Add(source);
            // A hidden sheet is not where a focal point typed the data (templates hide their code lists there). Read as
            // text: the SDK's typed value throws on a state it does not know, which Excel shows as visible.
            else if (sheet.State?.InnerText is not ("hidden" or "veryHidden"))
                data.Add(source);
        }
        return new TabularReturnBuilder(ReturnFormat.Xlsx, resolver, Unreadable).Build(data, metadata, owned);
    }

    /// <summary>
    /// Opens the package once its sizes are checked (<see cref="PackageSizeCheck"/>), and loads its shared strings
    /// within the limits. The caller disposes the document; it is disposed here when loading fails.
    /// </summary>
    internal static (SpreadsheetDocument Document, IReadOnlyList<string> SharedStrings, List<(Sheet, WorksheetPart)> Worksheets) OpenPackage(Stream seekable, ReturnLimits limits)
    {
        PackageSizeCheck.Run(seekable, limits);
        var document = SpreadsheetDocument.Open(seekable, isEditable: false, new OpenSettings { MaxCharactersInPart = limits.MaxWorkbookPartChars });
        try
        {
            var workbook = document.WorkbookPart ?? throw new InvalidDataException("The package has no workbook.");
            var sharedStrings = SharedStringsReader.Load(workbook.SharedStringTablePart, limits);
            return (document, sharedStrings, Worksheets(workbook));
        }
        catch
        {
            document.Dispose();
            throw;
        }
    }

    /// <summary>The worksheets in workbook order (chart sheets and dangling references left out).</summary>
    private static List<(Sheet, WorksheetPart)> Worksheets(WorkbookPart workbook)
    {
        var worksheets = new List<(Sheet, WorksheetPart)>();
        foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            var id = sheet.Id?.Value;
            if (id is not null && workbook.TryGetPartById(id, out var part) && part is WorksheetPart worksheet)
                worksheets.Add((sheet, worksheet));
        }
        return worksheets;
    }

    private static Problem Unreadable(Exception exception) =>
        ReadFailure.Describe(exception, _ => ReadingProblems.FormatError(UnreadableKey));
}

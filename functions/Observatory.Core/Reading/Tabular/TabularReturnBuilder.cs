using Observatory.Core.Problems;

namespace Observatory.Core.Reading.Tabular;

/// <summary>
/// Opens a spreadsheet-like return (xlsx or csv) once its sheets can be read as rows: takes the country and year
/// from metadata sheets, picks the data sheet by its header, and hands the rows below the header to a
/// <see cref="TabularReturn"/>.
/// </summary>
internal sealed class TabularReturnBuilder(ReturnFormat format, IColumnResolver resolver, Func<Exception, Problem> describeFailure)
{
    /// <summary>A metadata sheet is read only this far: it is a handful of key/value rows.</summary>
    private const int MetadataScanRows = 200;

    /// <param name="dataSheets">The sheets that may hold the data, in workbook order.</param>
    /// <param name="metadataSheets">Sheets that hold only key/value statements (Metadata, Metadatos, …).</param>
    /// <param name="owned">What the result disposes (document, stream); disposed here when no result holds it.</param>
    public ParsedReturn Build(IReadOnlyList<SheetSource> dataSheets, IReadOnlyList<SheetSource> metadataSheets, IDisposable owned)
    {
        try
        {
            return Locate(dataSheets, metadataSheets, owned);
        }
        catch
        {
            // Not a bad file (those are reported as problems) but a defect, e.g. in the column resolver: release the file.
            owned.Dispose();
            throw;
        }
    }

    private ParsedReturn Locate(IReadOnlyList<SheetSource> dataSheets, IReadOnlyList<SheetSource> metadataSheets, IDisposable owned)
    {
        var stated = new StatedValueScanner(resolver);
        foreach (var metadata in metadataSheets)
        {
            using var cursor = new RowCursor(metadata.ReadRows());
            stated.Scan(metadata.Name, cursor.Take(MetadataScanRows));
            if (cursor.Failure is not null)
                return Unreadable(cursor.Failure, owned);
        }

        // The first sheet with a complete header holds the data; an incomplete one is used only when no sheet has a
        // complete header, so that its missing column is reported.
        SheetSource? incomplete = null;
        foreach (var sheet in dataSheets)
        {
            var cursor = new RowCursor(sheet.ReadRows());
            var top = cursor.Take(ReadingProblems.HeaderScanRows);
            var found = HeaderLocator.Locate(top, resolver);
            // A file broken below its header still yields the rows above the break; the break is reported after them.
            if (found is { Header.HasRequiredColumns: true })
                return Open(sheet, cursor, top, found.Value, stated, owned);
            cursor.Dispose();
            if (cursor.Failure is not null)
                return Unreadable(cursor.Failure, owned);
            if (found is not null)
                incomplete ??= sheet;
        }
        if (incomplete is not null)
        {
            var cursor = new RowCursor(incomplete.ReadRows());
            var top = cursor.Take(ReadingProblems.HeaderScanRows);
            var found = HeaderLocator.Locate(top, resolver);
            if (found is not null)
                return Open(incomplete, cursor, top, found.Value, stated, owned);
            cursor.Dispose();
        }

        // No header anywhere: the sheets' top rows may still say whose file it is, which helps the report.
        var sheetName = dataSheets.Count == 1 ? dataSheets[0].Name : null;
        foreach (var sheet in dataSheets)
        {
            using var cursor = new RowCursor(sheet.ReadRows());
            stated.Scan(sheet.Name, cursor.Take(ReadingProblems.HeaderScanRows));
        }
        return new RecordlessReturn(format, [ReadingProblems.NoHeader(sheetName)], stated.Country, stated.Year, owned);
    }

    private TabularReturn Open(SheetSource sheet, RowCursor cursor, List<SheetRow> top, (int Index, HeaderCandidate Header) found, StatedValueScanner stated, IDisposable owned)
    {
        stated.Scan(sheet.Name, top.Take(found.Index));
        cursor.PushBack(top.Skip(found.Index + 1));
        var header = HeaderLayout.From(sheet.Name, found.Header);
        return new TabularReturn(format, header, cursor, stated, header.Problems, describeFailure, owned);
    }

    private RecordlessReturn Unreadable(Exception failure, IDisposable owned) =>
        new(format, [describeFailure(failure)], owned: owned);
}

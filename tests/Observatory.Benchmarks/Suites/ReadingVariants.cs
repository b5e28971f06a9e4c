using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Observatory.Benchmarks.Data;
using Observatory.Benchmarks.Measurement;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Validation;
using Sylvan.Data.Csv;
using SpreadsheetCellValue = DocumentFormat.OpenXml.Spreadsheet.CellValue;

namespace Observatory.Benchmarks.Suites;

/// <summary>What a raw read saw: rows (header included) and non-blank cells.</summary>
public readonly record struct RawCount(long Rows, long Cells);

/// <summary>
/// The three ways a return file is read in the reading benchmark: the library alone (the baseline), our reader alone,
/// and our reader with validation and normalization (what processing a submission does).
/// </summary>
public static class ReadingVariants
{
    private static readonly Lazy<ReturnValidator> Validator = new(() => new ReturnValidator(BenchmarkReferenceData.Instance));

    /// <summary>
    /// The baseline for xlsx: the Open XML SDK's <see cref="OpenXmlReader"/> over the first worksheet, taking the text of
    /// every cell value and nothing else (no shared-string lookup, no types): the least work that visits every cell.
    /// </summary>
    public static RawCount RawXlsx(string path)
    {
        using var file = File.OpenRead(path);
        using var document = SpreadsheetDocument.Open(file, isEditable: false);
        var sheet = document.WorkbookPart!.WorksheetParts.First();
        using var reader = OpenXmlReader.Create(sheet);
        long rows = 0, cells = 0, characters = 0;
        while (reader.Read())
        {
            if (!reader.IsStartElement) continue;
            if (reader.ElementType == typeof(SpreadsheetCellValue))
            {
                characters += reader.GetText().Length;
                cells++;
            }
            else if (reader.ElementType == typeof(Row))
            {
                rows++;
                LiveHeap.Tick();
            }
        }
        return Checked(rows, cells, characters);
    }

    /// <summary>
    /// The baseline for csv: Sylvan's <see cref="CsvDataReader"/> over the UTF-8 text, taking every field as a string:
    /// the least work that gives each cell's text.
    /// </summary>
    public static RawCount RawCsv(string path)
    {
        using var text = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = false, Delimiter = ',' });
        long rows = 0, cells = 0, characters = 0;
        while (csv.Read())
        {
            rows++;
            LiveHeap.Tick();
            for (var i = 0; i < csv.RowFieldCount; i++)
            {
                var field = csv.GetString(i);
                if (field.Length == 0) continue;
                characters += field.Length;
                cells++;
            }
        }
        return Checked(rows, cells, characters);
    }

    /// <summary>Our reader alone: opens the return as processing does and enumerates its records.</summary>
    public static long Reader(string path, ReturnFormat format)
    {
        using var file = File.OpenRead(path);
        using var parsed = ReturnReader.Open(file, format, Path.GetFileName(path), BenchmarkReferenceData.Instance);
        long records = 0;
        foreach (var record in parsed.Records)
        {
            records += record.Fields.Count > 0 ? 1 : 0;
            LiveHeap.Tick();
        }
        if (parsed.Problems.Count > 0)
            throw new InvalidDataException($"The reader found problems in {path}: {parsed.Problems[0].MessageKey}");
        return records;
    }

    /// <summary>Our reader, validation and normalization: the verdict processing a submission stores.</summary>
    public static ValidationOutcome Pipeline(string path, ReturnFormat format)
    {
        var state = BenchmarkReferenceData.Instance.States.FindByIso3(ReadingFiles.Country)!;
        var context = new ValidationContext(state, ReadingFiles.Year, new Dictionary<string, Core.Domain.Observation>());
        using var file = File.OpenRead(path);
        using var parsed = new TickingReturn(ReturnReader.Open(file, format, Path.GetFileName(path), BenchmarkReferenceData.Instance));
        return Validator.Value.Validate(parsed, context);
    }

    // The characters are summed so that no reader can skip the text it was asked for.
    private static RawCount Checked(long rows, long cells, long characters) =>
        characters > 0 ? new RawCount(rows, cells) : throw new InvalidDataException("The file has no text.");
}

/// <summary>A return whose records tick <see cref="LiveHeap"/> as the validator reads them; otherwise the return itself.</summary>
internal sealed class TickingReturn(ParsedReturn inner) : ParsedReturn
{
    public override ReturnFormat Format => inner.Format;

    public override Core.Languages.Language? HeaderLanguage => inner.HeaderLanguage;

    public override StatedValue? StatedCountry => inner.StatedCountry;

    public override StatedValue? StatedYear => inner.StatedYear;

    public override IReadOnlyList<Problem> Problems => inner.Problems;

    public override IEnumerable<ReturnRecord> Records => Ticking(inner.Records);

    private static IEnumerable<ReturnRecord> Ticking(IEnumerable<ReturnRecord> records)
    {
        foreach (var record in records)
        {
            LiveHeap.Tick();
            yield return record;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
    }
}

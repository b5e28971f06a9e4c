using Observatory.Core.Problems;
using Observatory.Core.Reading.Csv;
using Observatory.Core.Reading.Json;
using Observatory.Core.Reading.Xlsx;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Reading;

/// <summary>Opens a return in any supported format.</summary>
public static class ReturnReader
{
    /// <summary>
    /// The format of a file from its content type, name and first bytes; null when it is none of
    /// xlsx, csv or json. The bytes win over a wrong content type (an xlsx sent as octet-stream).
    /// </summary>
    /// <remarks>
    /// A zip (PK\x03\x04) is taken for an xlsx; a document starting with { or [ (after white space or a UTF-8 BOM)
    /// for JSON; an Excel 97–2003 workbook or a PDF is refused whatever its name. Otherwise the content type decides
    /// (text/csv, application/json, the xlsx media type), then the extension (.xlsx, .csv, .tsv, .txt, .json).
    /// When this returns null, <see cref="DescribeUnsupported"/> says why, in the focal point's terms.
    /// </remarks>
    /// <param name="contentType">The content type the file was sent with, if any.</param>
    /// <param name="fileName">The file's name, if known.</param>
    /// <param name="head">The file's first bytes (16 are enough for the signatures; more helps after white space).</param>
    public static ReturnFormat? DetectFormat(string? contentType, string? fileName, ReadOnlySpan<byte> head) =>
        FormatDetector.Detect(contentType, fileName, head);

    /// <summary>
    /// The problem to show for a file <see cref="DetectFormat"/> refused: a format-error whose message says what the
    /// file appears to be (an Excel 97–2003 workbook, a PDF) and what is accepted instead.
    /// </summary>
    /// <param name="contentType">The content type the file was sent with, if any.</param>
    /// <param name="fileName">The file's name, if known.</param>
    /// <param name="head">The file's first bytes.</param>
    public static Problem DescribeUnsupported(string? contentType, string? fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        var key = head.StartsWith(FormatDetector.LegacyOffice) || (head.IsEmpty && extension == ".xls")
            ? "reading.unsupported.xls"
            : head.StartsWith(FormatDetector.Pdf) || (head.IsEmpty && extension == ".pdf")
                ? "reading.unsupported.pdf"
                : "reading.unsupported";
        var name = fileName is null ? null : Path.GetFileName(fileName);
        return ReadingProblems.FormatError(key, value: name);
    }

    /// <summary>Opens <paramref name="content"/> (seekable or not) for reading. The stream is disposed with the result.</summary>
    /// <param name="content">The raw file.</param>
    /// <param name="format">Its format.</param>
    /// <param name="fileName">The file's name, used as the sheet name of a csv.</param>
    /// <param name="referenceData">The catalog whose column aliases locate the header.</param>
    /// <param name="limits">The limits the file is read within; <see cref="ReturnLimits.Default"/> when null.</param>
    public static ParsedReturn Open(Stream content, ReturnFormat format, string? fileName, ReferenceDataSet referenceData, ReturnLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(referenceData);
        return Open(content, format, fileName, new CatalogColumnResolver(referenceData.Catalog), limits);
    }

    /// <summary>
    /// Opens <paramref name="content"/> (seekable or not; read from its current position) for reading, recognising
    /// headers with <paramref name="columns"/>. The stream is disposed with the result. A file that cannot be read
    /// yields a return whose <see cref="ParsedReturn.Problems"/> hold a format-error; no exception is thrown for it.
    /// </summary>
    /// <param name="content">The raw file.</param>
    /// <param name="format">Its format.</param>
    /// <param name="fileName">The file's name, used as the sheet name of a csv.</param>
    /// <param name="columns">Recognises the column headers.</param>
    /// <param name="limits">The limits the file is read within (<see cref="ReturnLimits.Default"/> when null): a file past
    /// one yields a return whose problems hold an error positioned where it went past.</param>
    /// <remarks>
    /// An xlsx is read from a seekable stream in place; a stream that cannot seek is first copied to a temporary
    /// file deleted on dispose (the zip's directory is at its end), so memory stays flat whatever the file's size.
    /// A csv is treated the same way, as its encoding is checked over the whole file before it is parsed. A JSON
    /// document is parsed whole (see docs/return-schema.md).
    /// </remarks>
    public static ParsedReturn Open(Stream content, ReturnFormat format, string? fileName, IColumnResolver columns, ReturnLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(columns);
        limits ??= ReturnLimits.Default;
        return format switch
        {
            ReturnFormat.Xlsx => XlsxReturnOpener.Open(content, columns, limits),
            ReturnFormat.Csv => CsvReturnOpener.Open(content, CsvSheetName(fileName), columns, limits),
            ReturnFormat.Json => JsonReturnOpener.Open(content, fileName, columns, limits),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>A csv has no sheets: its problems are located in the file, named as it was sent.</summary>
    internal static string CsvSheetName(string? fileName) =>
        string.IsNullOrWhiteSpace(fileName) ? "csv" : Path.GetFileName(fileName);
}

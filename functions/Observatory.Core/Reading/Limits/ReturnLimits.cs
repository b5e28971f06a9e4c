namespace Observatory.Core.Reading;

/// <summary>
/// The limits every return is read and validated within, so that no file, however made, costs more memory or time
/// than a legal return of the largest size. Each limit reached ends the submission <c>rejected</c> with a positioned
/// problem in the focal point's language; none ends it <c>failed</c>. Bound from "Observatory:Limits" (environment:
/// <c>Observatory__Limits__MaxNoteChars</c>); docs/security.md lists them under "Input limits".
/// </summary>
public sealed class ReturnLimits
{
    /// <summary>The defaults, used where no configuration is given.</summary>
    public static ReturnLimits Default { get; } = new();

    /// <summary>The last column of a worksheet, XFD (16,384 columns), as in Excel; a csv record may have no more fields.</summary>
    public int MaxColumns { get; set; } = 16_384;

    /// <summary>The last row of a worksheet (1,048,576), as in Excel; also the most records of a csv and observations of a JSON return.</summary>
    public int MaxRows { get; set; } = 1_048_576;

    /// <summary>The longest text of one cell (32,767 characters, Excel's own limit); also of one JSON string.</summary>
    public int MaxCellChars { get; set; } = 32_767;

    /// <summary>The longest note (2,000 characters, as domain.md sets); a longer one is an error at its cell.</summary>
    public int MaxNoteChars { get; set; } = 2_000;

    /// <summary>The most entries of a workbook's shared-string table (1,048,576).</summary>
    public int MaxSharedStrings { get; set; } = 1_048_576;

    /// <summary>The most characters of all shared strings together (32 M characters, 64 MB in memory).</summary>
    public long MaxSharedStringChars { get; set; } = 32L * 1024 * 1024;

    /// <summary>The largest decompressed size of one part of an xlsx package (1 GB: a full legal worksheet fits).</summary>
    public long MaxPartBytes { get; set; } = 1L << 30;

    /// <summary>
    /// How many times its own size an xlsx package may decompress to, all parts together (100; worksheets compress
    /// 5 to 20 times). Files of up to <see cref="MinDecompressedAllowanceBytes"/> are exempt, so a tiny file is never refused for it.
    /// </summary>
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>The decompressed size every xlsx package is allowed, whatever its ratio (16 MB).</summary>
    public long MinDecompressedAllowanceBytes { get; set; } = 16L * 1024 * 1024;

    /// <summary>The most parts (zip entries) of an xlsx package (10,000).</summary>
    public int MaxPackageParts { get; set; } = 10_000;

    /// <summary>The most characters of a workbook part the Open XML SDK loads whole (workbook.xml and its relationships: 8 M).</summary>
    public long MaxWorkbookPartChars { get; set; } = 8L * 1024 * 1024;

    /// <summary>The deepest nesting of a JSON return (16 levels; the schema needs 4).</summary>
    public int MaxJsonDepth { get; set; } = 16;

    /// <summary>The most properties of one JSON object (1,000).</summary>
    public int MaxJsonProperties { get; set; } = 1_000;

    /// <summary>The longest JSON property name (256 characters).</summary>
    public int MaxJsonPropertyNameChars { get; set; } = 256;

    /// <summary>
    /// The problems kept in detail, of each severity (1,000 errors and 1,000 warnings); the rest are counted by type,
    /// so that the status, html and xlsx reports stay small whatever the file.
    /// </summary>
    public int MaxDetailedProblems { get; set; } = 1_000;

    /// <summary>
    /// The most cells the xlsx report copies from the file (250,000); past it the report copies only the header and the
    /// rows with problems, and of each the first <see cref="MaxReportColumns"/> columns and those with a problem.
    /// </summary>
    public int MaxReportCells { get; set; } = 250_000;

    /// <summary>The most columns a report shows of one row when the whole file is not copied (64).</summary>
    public int MaxReportColumns { get; set; } = 64;

    /// <summary>The longest value a problem quotes (200 characters, then "…").</summary>
    public int MaxQuotedValueChars { get; set; } = 200;
}

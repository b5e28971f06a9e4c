using Observatory.Core.Problems;
using Observatory.Core.Reading.Tabular;
using Sylvan.Data.Csv;

namespace Observatory.Core.Reading.Csv;

/// <summary>Opens a csv return: detects its encoding and separator, then reads it like a one-sheet workbook.</summary>
internal static class CsvReturnOpener
{
    /// <summary>Enough text to hold a title, the header and the first data records of any return.</summary>
    private const int SeparatorSampleChars = 65536;

    public static ParsedReturn Open(Stream content, string sheetName, IColumnResolver resolver, ReturnLimits limits)
    {
        Stream? seekable = null;
        DetectedEncoding encoding;
        char separator;
        try
        {
            seekable = SeekableContent.Ensure(content);
            if (seekable.Length == 0)
                return new RecordlessReturn(ReturnFormat.Csv, [ReadingProblems.FormatError("reading.format-error.empty")], owned: new DisposableGroup(seekable, content));
            encoding = TextEncodingDetector.Detect(seekable);
            separator = DetectSeparator(seekable, encoding);
        }
        catch (Exception exception) when (ReadFailure.IsUnreadableInput(exception))
        {
            return new RecordlessReturn(ReturnFormat.Csv, [ReadingProblems.FormatError("reading.format-error.csv")], owned: new DisposableGroup(seekable, content));
        }

        var sheet = new SheetSource(sheetName, () => CsvRowReader.Read(OpenText(seekable, encoding), separator, sheetName, IsUnicode(encoding), limits));
        var builder = new TabularReturnBuilder(ReturnFormat.Csv, resolver, failure => Describe(failure, sheetName));
        return builder.Build([sheet], [], new DisposableGroup(seekable, content));
    }

    /// <summary>
    /// The rows of a csv file (seekable, at any position) as a spreadsheet opening it shows them, for a report that
    /// copies the file. Throws on a file that cannot be read.
    /// </summary>
    public static IEnumerable<SheetRow> ReadRows(Stream seekable, string sheetName, ReturnLimits limits)
    {
        seekable.Position = 0;
        var encoding = TextEncodingDetector.Detect(seekable);
        var separator = DetectSeparator(seekable, encoding);
        return CsvRowReader.Read(OpenText(seekable, encoding), separator, sheetName, IsUnicode(encoding), limits);
    }

    /// <summary>In a Unicode file a U+FFFD stands for bytes the encoding does not allow; Windows-1252 has none.</summary>
    private static bool IsUnicode(DetectedEncoding encoding) => encoding.Encoding.CodePage != TextEncodingDetector.Windows1252.CodePage;

    private static char DetectSeparator(Stream content, DetectedEncoding encoding)
    {
        using var text = OpenText(content, encoding);
        var buffer = new char[SeparatorSampleChars];
        var read = text.ReadBlock(buffer, 0, buffer.Length);
        return SeparatorDetector.Detect(new string(buffer, 0, read), complete: read < buffer.Length);
    }

    /// <summary>The text of <paramref name="content"/> from its start, past any byte-order mark.</summary>
    private static StreamReader OpenText(Stream content, DetectedEncoding encoding)
    {
        content.Position = encoding.PreambleLength;
        return new StreamReader(content, encoding.Encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 65536, leaveOpen: true);
    }

    private static Problem Describe(Exception failure, string sheet) => failure switch
    {
        ReturnLimitException limit => limit.Problem,
        CsvFormatException format => ReadingProblems.FormatError("reading.format-error.csv-quoting", sheet, format.RowNumber, null, null, ReadingProblems.Number(format.RowNumber)),
        _ => ReadingProblems.FormatError("reading.format-error.csv", sheet),
    };
}

using Observatory.Core.Reading.Tabular;
using Sylvan.Data.Csv;

namespace Observatory.Core.Reading.Csv;

/// <summary>Reads the rows of a csv file with Sylvan's RFC 4180 parser.</summary>
internal static class CsvRowReader
{
    /// <summary>The longest record accepted; a longer one means broken quoting swallowed the rest of the file.</summary>
    private const int MaxRecordChars = 1 << 20;

    /// <summary>What a decoder makes of bytes that are not valid in the file's encoding (U+FFFD).</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>
    /// The records of <paramref name="text"/> as rows numbered as a spreadsheet opening the file shows them (one row
    /// per record: a quoted field with a line break stays in one row; blank lines count), with cells trimmed.
    /// Malformed quoting throws <see cref="CsvFormatException"/> when reached; a record past the row or column limit,
    /// a field over the cell limit, or (in a Unicode file) a field holding bytes the encoding does not allow throws
    /// <see cref="ReturnLimitException"/> positioned at it.
    /// </summary>
    public static IEnumerable<SheetRow> Read(TextReader text, char separator, string sheet, bool unicode, ReturnLimits limits)
    {
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions
        {
            HasHeaders = false,
            Delimiter = separator,
            CsvStyle = CsvStyle.Standard,
            MaxBufferSize = MaxRecordChars,
        });
        while (csv.Read())
        {
            var row = csv.RowNumber;
            if (row > limits.MaxRows)
                throw new ReturnLimitException(LimitProblems.RowBeyondLimit(sheet, row, limits.MaxRows));
            if (csv.RowFieldCount > limits.MaxColumns)
                throw new ReturnLimitException(LimitProblems.ColumnBeyondLimit(sheet, row, ColumnLetters.FromIndex(limits.MaxColumns), limits.MaxColumns));
            var cells = new List<SheetCell>(csv.RowFieldCount);
            for (var i = 0; i < csv.RowFieldCount; i++)
            {
                var value = csv.GetString(i).Trim();
                if (value.Length == 0) continue;
                if (value.Length > limits.MaxCellChars)
                    throw new ReturnLimitException(LimitProblems.CellTooLong(sheet, row, ColumnLetters.FromIndex(i), limits.MaxCellChars));
                if (unicode && value.Contains(Replacement))
                    throw new ReturnLimitException(LimitProblems.InvalidText(sheet, row, ColumnLetters.FromIndex(i)));
                cells.Add(new SheetCell(i, new CellValue(value)));
            }
            yield return new SheetRow(row, cells);
        }
    }
}

using Observatory.Core.Reading.Tabular;
using Sylvan.Data.Csv;

namespace Observatory.Core.Reading.Csv;

/// <summary>Reads the rows of a csv file with Sylvan's RFC 4180 parser.</summary>
internal static class CsvRowReader
{
    /// <summary>The longest record accepted; a longer one means broken quoting swallowed the rest of the file.</summary>
    private const int MaxRecordChars = 1 << 20;

    /// <summary>
    /// The records of <paramref name="text"/> as rows numbered as a spreadsheet opening the file shows them (one row
    /// per record: a quoted field with a line break stays in one row; blank lines count), with cells trimmed.
    /// Malformed quoting throws <see cref="CsvFormatException"/> when reached.
    /// </summary>
    public static IEnumerable<SheetRow> Read(TextReader text, char separator)
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
            var cells = new List<SheetCell>(csv.RowFieldCount);
            for (var i = 0; i < csv.RowFieldCount; i++)
            {
                var value = csv.GetString(i).Trim();
                if (value.Length > 0)
                    cells.Add(new SheetCell(i, new CellValue(value)));
            }
            yield return new SheetRow(csv.RowNumber, cells);
        }
    }
}

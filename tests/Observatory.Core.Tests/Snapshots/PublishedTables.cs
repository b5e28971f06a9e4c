using System.Globalization;
using System.Text.Json;
using MiniExcelLibs;
using Parquet;
using Parquet.Schema;
using Observatory.Tests.Shared;

namespace Observatory.Core.Tests.Snapshots;

/// <summary>
/// Reads the observations back from each format into one comparable form: header, then rows of text cells (null for
/// blank), with the value normalised as a decimal and times as ISO 8601 UTC, and the CSV's formula guard removed.
/// </summary>
internal static class PublishedTables
{
    private const string ValueColumn = "value";

    public static (string[] Header, List<string?[]> Rows) FromCsv(byte[] bytes)
    {
        var rows = CsvText.Parse(bytes);
        var header = rows[0];
        return (header, [.. rows.Skip(1).Select(r => Normalise(header, r.Select(c => c.Length == 0 ? null : Unguard(c)).ToArray()))]);
    }

    public static (string[] Header, List<string?[]> Rows) FromJson(byte[] bytes)
    {
        using var document = JsonDocument.Parse(bytes);
        var rows = document.RootElement.EnumerateArray().ToList();
        var header = rows.Count == 0 ? [] : rows[0].EnumerateObject().Select(p => p.Name).ToArray();
        return (header, [.. rows.Select(r => Normalise(header, r.EnumerateObject().Select(p => p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        }).ToArray()))]);
    }

    public static async Task<(string[] Header, List<string?[]> Rows, ParquetSchema Schema, int RowGroups)> FromParquetAsync(byte[] bytes)
    {
        await using var reader = await ParquetReader.CreateAsync(new MemoryStream(bytes));
        var fields = reader.Schema.DataFields;
        var header = fields.Select(f => f.Name).ToArray();
        var rows = new List<string?[]>();
        for (var g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var count = checked((int)group.RowCount);
            var columns = new string?[fields.Length][];
            for (var f = 0; f < fields.Length; f++)
                columns[f] = await ReadColumnAsync(group, fields[f], count);
            for (var r = 0; r < count; r++)
                rows.Add(Normalise(header, [.. columns.Select(c => c[r])]));
        }
        return (header, rows, reader.Schema, reader.RowGroupCount);
    }

    public static (string[] Header, List<string?[]> Rows) FromXlsx(byte[] bytes)
    {
        var rows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.Select(v => v switch
            {
                null => null,
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                _ => Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s : null,
            }).ToArray())
            .ToList();
        var header = rows[0].Select(h => h!).ToArray();
        return (header, [.. rows.Skip(1).Select(r => Normalise(header, [.. r.Concat(Enumerable.Repeat<string?>(null, header.Length - r.Length)).Take(header.Length)]))]);
    }

    /// <summary>The text a spreadsheet would run as a formula, without the apostrophe the CSV puts before it.</summary>
    public static string Unguard(string cell) =>
        cell.Length > 1 && cell[0] == '\'' && cell[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? cell[1..] : cell;

    private static async Task<string?[]> ReadColumnAsync(ParquetRowGroupReader group, DataField field, int count)
    {
        if (IsText(field))
        {
            var values = new string?[count];
            await group.ReadAsync(field, values.AsMemory());
            return values;
        }
        if (field.ClrType == typeof(int))
        {
            var values = new int[count];
            await group.ReadAsync<int>(field, values.AsMemory());
            return [.. values.Select(v => v.ToString(CultureInfo.InvariantCulture))];
        }
        if (field.ClrType == typeof(double))
        {
            var values = new double?[count];
            await group.ReadAsync<double>(field, values.AsMemory());
            return [.. values.Select(v => v?.ToString("R", CultureInfo.InvariantCulture))];
        }
        if (field.ClrType == typeof(DateTime))
        {
            var values = new DateTime[count];
            await group.ReadAsync<DateTime>(field, values.AsMemory());
            return [.. values.Select(v => v.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))];
        }
        throw new NotSupportedException($"Column {field.Name} has type {field.ClrType}.");
    }

    /// <summary>A UTF-8 string column (Parquet.Net reads them as ReadOnlyMemory&lt;char&gt; by default).</summary>
    public static bool IsText(DataField field) => field.ClrType == typeof(string) || field.ClrType == typeof(ReadOnlyMemory<char>);

    private static string?[] Normalise(string[] header, string?[] row)
    {
        var value = Array.IndexOf(header, ValueColumn);
        if (value >= 0 && row[value] is { } number)
            row[value] = decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("0.############", CultureInfo.InvariantCulture);
        return row;
    }
}

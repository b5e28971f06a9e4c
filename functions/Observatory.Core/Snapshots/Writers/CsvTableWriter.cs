using System.Text;

namespace Observatory.Core.Snapshots.Writers;

/// <summary>
/// RFC 4180 CSV for spreadsheets and scripts alike: UTF-8 with a byte-order mark (so Excel keeps the accents), CRLF
/// line ends, fields quoted only when they hold a comma, a quote or a line break.
/// </summary>
/// <remarks>
/// A cell that begins with =, +, -, @, a tab or a carriage return is a formula to Excel and LibreOffice. Such a cell is
/// neutralised by preceding it with an apostrophe, the usual defence (OWASP "CSV injection"): the spreadsheet shows the
/// text instead of running it, and a script sees the apostrophe. Published counts and rates are never negative, so
/// only text (in practice, notes) is ever changed.
/// </remarks>
internal sealed class CsvTableWriter : IAsyncDisposable
{
    private readonly StreamWriter _writer;
    private readonly StringBuilder _row = new();
    private bool _rowStarted;

    /// <summary>Writes CSV to <paramref name="output"/>, which stays open.</summary>
    /// <param name="output">Where the text goes.</param>
    /// <param name="byteOrderMark">
    /// True (the default) to begin with a byte-order mark for spreadsheets; false for files that machines read first,
    /// such as SDMX-CSV.
    /// </param>
    public CsvTableWriter(Stream output, bool byteOrderMark = true) =>
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: byteOrderMark), bufferSize: 64 * 1024, leaveOpen: true);

    /// <summary>Appends a field to the current row; null is written as an empty field.</summary>
    public void Field(string? value)
    {
        if (_rowStarted)
            _row.Append(',');
        _rowStarted = true;
        if (string.IsNullOrEmpty(value))
            return;
        var text = Neutralise(value);
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _row.Append(text);
            return;
        }
        _row.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    /// <summary>Ends the current row.</summary>
    public async Task EndRowAsync(CancellationToken cancellationToken)
    {
        _row.Append("\r\n");
        await _writer.WriteAsync(_row, cancellationToken);
        _row.Clear();
        _rowStarted = false;
    }

    /// <summary>Writes a whole row.</summary>
    public Task WriteRowAsync(IEnumerable<string?> fields, CancellationToken cancellationToken)
    {
        foreach (var field in fields)
            Field(field);
        return EndRowAsync(cancellationToken);
    }

    /// <summary>Sends the buffered text on to the output.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    /// <summary>Precedes a cell that a spreadsheet would run as a formula with an apostrophe.</summary>
    public static string Neutralise(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}

using System.Globalization;
using System.Runtime.InteropServices;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Submissions;

/// <summary>
/// Finds the reporting year a file states (a "Year | 2025" row, a metadata sheet, a year column, a JSON "year"), for
/// an upload that gives no year parameter. It runs inside the HTTP request, so it reads only a bounded prefix of the
/// file (<see cref="ObservatoryOptions.YearScanBytes"/>) for a bounded time (<see cref="ObservatoryOptions.YearScanSeconds"/>),
/// and stops when the request is cancelled; the whole file is read by the queue's processing only.
/// </summary>
public static class StatedYearScan
{
    /// <summary>How many data rows are looked at for a year column: the first row that has one settles it.</summary>
    private const int YearColumnRows = 50;

    /// <summary>The year, or why none was found.</summary>
    /// <param name="Year">The year the file states, or null.</param>
    /// <param name="GaveUp">True when the scan stopped at its byte or time budget before it found one.</param>
    public readonly record struct Outcome(int? Year, bool GaveUp);

    /// <summary>Looks for the stated year in <paramref name="content"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (the client hung up).</exception>
    public static Outcome Find(ReadOnlyMemory<byte> content, ReturnFormat format, string? fileName, ReferenceDataSet referenceData,
        long maxBytes, TimeSpan maxTime, CancellationToken cancellationToken)
    {
        var prefix = Prefix(content, format, maxBytes);
        if (prefix is null) return new Outcome(null, GaveUp: true);

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(maxTime);
        var stream = new ReadBudgetStream(ReadOnlyStream(prefix.Value), maxBytes, budget.Token);
        try
        {
            using var parsed = ReturnReader.Open(stream, format, fileName, referenceData);
            if (TryYear(parsed.StatedYear?.Cell.Value) is { } stated) return new Outcome(stated, false);
            // A year column: the first data row that has one settles it; the validator checks the others.
            foreach (var record in parsed.Records.Take(YearColumnRows))
            {
                budget.Token.ThrowIfCancellationRequested();
                if (TryYear(record.Get(ReturnColumn.Year)?.Value) is { } year) return new Outcome(year, false);
            }
            return new Outcome(null, prefix.Value.Length < content.Length);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(null, GaveUp: true);
        }
        finally
        {
            stream.Dispose();
        }
    }

    /// <summary>
    /// What may be read: a csv's first <paramref name="maxBytes"/> cut after its last whole line (its encoding is
    /// checked over all it is given); a JSON document only whole, as it is parsed whole (null when larger); an xlsx
    /// whole, as its directory is at its end, the read budget stopping it past <paramref name="maxBytes"/>.
    /// </summary>
    private static ReadOnlyMemory<byte>? Prefix(ReadOnlyMemory<byte> content, ReturnFormat format, long maxBytes)
    {
        if (content.Length <= maxBytes || format == ReturnFormat.Xlsx) return content;
        if (format == ReturnFormat.Json) return null;
        var head = content[..(int)maxBytes];
        var lastLine = head.Span.LastIndexOf((byte)'\n');
        return lastLine < 0 ? null : head[..(lastLine + 1)];
    }

    /// <summary>A stream over the bytes without copying them: an upload may be 25 MB.</summary>
    internal static MemoryStream ReadOnlyStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static int? TryYear(CellValue? cell)
    {
        if (cell is not { } value) return null;
        if (value.Number is { } number && number == Math.Floor(number) && number is >= 1990 and <= 2100) return (int)number;
        return int.TryParse(value.Text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1990 and <= 2100 ? parsed : null;
    }
}

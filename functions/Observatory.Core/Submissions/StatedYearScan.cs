using System.IO.Compression;
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
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(maxTime);
        Stream source;
        bool truncated;
        try
        {
            if (format == ReturnFormat.Xlsx)
            {
                var package = BoundedPackage(content, maxBytes, budget.Token);
                if (package is null) return new Outcome(null, GaveUp: false);
                (source, truncated) = package.Value;
            }
            else
            {
                var prefix = Prefix(content, format, maxBytes);
                if (prefix is null) return new Outcome(null, GaveUp: true);
                (source, truncated) = (ReadOnlyStream(prefix.Value), prefix.Value.Length < content.Length);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Outcome(null, GaveUp: true);
        }

        // Every read of the reader passes here, so the time budget and the request's cancellation stop it within a few KB.
        var stream = new ReadBudgetStream(source, long.MaxValue, budget.Token);
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
            return new Outcome(null, truncated);
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
    /// What of a csv or JSON may be read: a csv's first <paramref name="maxBytes"/> cut after its last whole line (its
    /// encoding is checked over all it is given); a JSON document only whole, as it is parsed whole (null when larger).
    /// </summary>
    private static ReadOnlyMemory<byte>? Prefix(ReadOnlyMemory<byte> content, ReturnFormat format, long maxBytes)
    {
        if (content.Length <= maxBytes) return content;
        if (format == ReturnFormat.Json) return null;
        var head = content[..(int)maxBytes];
        var lastLine = head.Span.LastIndexOf((byte)'\n');
        return lastLine < 0 ? null : head[..(lastLine + 1)];
    }

    /// <summary>
    /// An xlsx's first <paramref name="maxBytes"/> of decompressed content, as a copy of the package whose parts are
    /// stored uncompressed and cut where the budget runs out (a part cut short reads as a sheet broken below its top
    /// rows, which is all the year needs). A few hundred KB that inflate to hundreds of MB are thus never inflated in
    /// the request, and each read of the copy is a read of content, so time and cancellation are checked as it is
    /// parsed. Null when the file is not a zip.
    /// </summary>
    private static (Stream Package, bool Truncated)? BoundedPackage(ReadOnlyMemory<byte> content, long maxBytes, CancellationToken cancellationToken)
    {
        var copy = new MemoryStream();
        var left = maxBytes;
        try
        {
            using var source = new ZipArchive(ReadOnlyStream(content), ZipArchiveMode.Read);
            using var target = new ZipArchive(copy, ZipArchiveMode.Create, leaveOpen: true);
            var buffer = new byte[81920];
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.NoCompression).Open();
                int read;
                while (left > 0 && (read = from.Read(buffer, 0, (int)Math.Min(buffer.Length, left))) > 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    to.Write(buffer, 0, read);
                    left -= read;
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or NotSupportedException or IOException)
        {
            copy.Dispose();
            return null;
        }
        copy.Position = 0;
        return (copy, left <= 0);
    }

    /// <summary>A stream over the bytes without copying them: an upload may be 25 MB.</summary>
    internal static MemoryStream ReadOnlyStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    /// <summary>
    /// A year of four digits, whatever its range: the intake holds it to the reporting years (<see cref="Reporting.ReportingPolicy"/>),
    /// so a file that states 2031 is told so, rather than that it states no year.
    /// </summary>
    private static int? TryYear(CellValue? cell)
    {
        if (cell is not { } value) return null;
        if (value.Number is { } number) return number == Math.Floor(number) && number is >= 1000 and <= 9999 ? (int)number : null;
        return Reporting.YearText.TryFourDigits(value.Text.AsSpan().Trim());
    }
}

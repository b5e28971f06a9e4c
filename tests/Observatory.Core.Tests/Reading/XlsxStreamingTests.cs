using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Tests.Reading.Support;
using Xunit.Abstractions;

namespace Observatory.Core.Tests.Reading;

/// <summary>Memory is measured for the whole process, so nothing else may run meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "memory measurement";
}

[Collection(MemoryMeasurementCollection.Name)]
public sealed class XlsxStreamingTests(ITestOutputHelper output) : IDisposable
{
    private const int SmallRows = 20_000;
    private const int LargeRows = 200_000;
    private const int SampleEvery = 5_000;

    private readonly string _directory = Directory.CreateTempSubdirectory("observatory-streaming-").FullName;

    [Fact]
    public void Reading_ten_times_the_rows_does_not_hold_ten_times_the_memory()
    {
        // One-time costs (the Open XML SDK's caches, JIT) are paid before measuring.
        Measure(1_000);
        var small = Measure(SmallRows);
        var large = Measure(LargeRows);
        output.WriteLine($"peak live heap above baseline: {SmallRows} rows {small.PeakBytes:N0} B, {LargeRows} rows {large.PeakBytes:N0} B; files {small.FileBytes:N0} B and {large.FileBytes:N0} B");

        Assert.Equal(SmallRows, small.Records);
        Assert.Equal(LargeRows, large.Records);
        // A reader holding the rows, or the file, would hold about ten times as much for ten times the rows. The
        // streaming reader holds its buffers and the shared strings: the same for both, give or take the collector's
        // rounding, hence the ratio of 2 rather than 1.
        Assert.True(large.PeakBytes < 2 * Math.Max(small.PeakBytes, 256 * 1024),
            $"{LargeRows} rows held {large.PeakBytes:N0} B at peak, {SmallRows} rows {small.PeakBytes:N0} B.");
    }

    /// <summary>
    /// Reads a generated workbook of <paramref name="rows"/> rows through a stream that cannot seek (as an upload
    /// arrives) and samples the live heap, after a full collection, every few thousand records.
    /// </summary>
    private (int Records, long PeakBytes, long FileBytes) Measure(int rows)
    {
        var path = Path.Combine(_directory, $"rows-{rows}.xlsx");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        LargeWorkbook.Write(path, rows);
        output.WriteLine($"wrote {rows} rows in {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        var count = 0;
        using (var parsed = ReturnReader.Open(new NonSeekableStream(File.OpenRead(path)), ReturnFormat.Xlsx, null, TestColumnResolver.Instance))
        {
            foreach (var record in parsed.Records)
            {
                Assert.NotNull(record.Get(ReturnColumn.Value));
                if (++count % SampleEvery == 0)
                    peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
            Assert.Empty(parsed.Problems);
        }
        output.WriteLine($"read {rows} rows in {clock.ElapsedMilliseconds} ms");
        return (count, peak, new FileInfo(path).Length);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

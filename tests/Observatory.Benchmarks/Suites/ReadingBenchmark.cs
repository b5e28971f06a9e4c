using System.Globalization;
using Observatory.Benchmarks.Measurement;
using Observatory.Core.Reading;

namespace Observatory.Benchmarks.Suites;

/// <summary>What the reading benchmark measured for one format and size.</summary>
/// <param name="Format">xlsx or csv.</param>
/// <param name="Rows">Data rows in the file.</param>
/// <param name="FileBytes">The file's size.</param>
/// <param name="Raw">The library's own read (the baseline).</param>
/// <param name="Reader">Our reader alone.</param>
/// <param name="Pipeline">Our reader with validation and normalization.</param>
/// <param name="Observations">Observations the validator kept (checked to equal the rows).</param>
/// <param name="RawMemory">The baseline's memory, in a process of its own; null when not measured.</param>
/// <param name="ReaderMemory">The reader's memory.</param>
/// <param name="PipelineMemory">The whole path's memory.</param>
public sealed record ReadingResult(
    ReturnFormat Format, int Rows, long FileBytes, Series Raw, Series Reader, Series Pipeline, int Observations,
    ProbeResult? RawMemory, ProbeResult? ReaderMemory, ProbeResult? PipelineMemory)
{
    /// <summary>Our whole path's speed as a fraction of the library's own read.</summary>
    public double PipelineRatio => Statistics.SpeedRatio(Pipeline, Raw);

    /// <summary>The reader's speed as a fraction of the library's own read.</summary>
    public double ReaderRatio => Statistics.SpeedRatio(Reader, Raw);
}

/// <summary>
/// Benchmark 1: a generated return read and validated by the pipeline, against the same library's raw read of the same
/// file, timed side by side in rounds; memory measured in probe processes.
/// </summary>
public sealed class ReadingBenchmark(BenchmarkSettings settings, TextWriter log)
{
    private const string Probe = "read";
    private const int WarmUpRows = 1_000;

    /// <summary>Registers the memory probe of this benchmark.</summary>
    public static void RegisterProbe() => MemoryProbe.Register(Probe, arguments =>
    {
        var (format, mode, path, warmUp) = (Enum.Parse<ReturnFormat>(arguments[0]), arguments[1], arguments[2], arguments[3]);
        var rows = int.Parse(arguments[4], CultureInfo.InvariantCulture);
        Func<string, (long, object?)> read = mode switch
        {
            "raw" => p => ((format == ReturnFormat.Xlsx ? ReadingVariants.RawXlsx(p) : ReadingVariants.RawCsv(p)).Rows - 1, null),
            "reader" => p => (ReadingVariants.Reader(p, format), null),
            "pipeline" => p => { var outcome = ReadingVariants.Pipeline(p, format); return (outcome.Observations.Count, outcome); },
            _ => throw new ArgumentException($"Unknown reading mode {mode}."),
        };
        read(warmUp);
        // Either the working set alone, or about twenty samples of the live heap, each after a full collection, over the
        // read: those collections keep the working set down, so the two are measured in separate processes.
        var sampleLiveHeap = arguments[5] == "live";
        return new MemoryProbe.ProbeWork(() => read(path), SampleEvery: sampleLiveHeap ? Math.Max(1, rows / 20) : 0);
    });

    /// <summary>Runs every format and size.</summary>
    public IReadOnlyList<ReadingResult> Run()
    {
        var directory = Directory.CreateDirectory(Path.Combine(settings.WorkDirectory, "reading")).FullName;
        var results = new List<ReadingResult>();
        foreach (var format in new[] { ReturnFormat.Xlsx, ReturnFormat.Csv })
        {
            var warmUp = ReadingFiles.Ensure(directory, format, WarmUpRows);
            ReadingVariants.RawXlsx(ReadingFiles.Ensure(directory, ReturnFormat.Xlsx, WarmUpRows));
            ReadingVariants.RawCsv(ReadingFiles.Ensure(directory, ReturnFormat.Csv, WarmUpRows));
            ReadingVariants.Pipeline(warmUp, format);
            foreach (var rows in settings.ReadingRows)
                results.Add(Measure(directory, format, rows, warmUp));
        }
        return results;
    }

    private ReadingResult Measure(string directory, ReturnFormat format, int rows, string warmUp)
    {
        var generated = Sample.Take(() => ReadingFiles.Ensure(directory, format, rows));
        var path = ReadingFiles.Ensure(directory, format, rows);
        var fileBytes = new FileInfo(path).Length;
        log.WriteLine($"reading {format} {rows:N0} rows: file {fileBytes / 1e6:F1} MB, written in {generated.Elapsed.TotalSeconds:F1} s");

        Series raw = new(), reader = new(), pipeline = new();
        var observations = 0;
        var runs = settings.ReadingRuns(rows);
        for (var round = 0; round < runs; round++)
        {
            // The order rotates, so that no variant always runs first (or just after the largest allocator).
            var steps = new Action[]
            {
                () => raw.Add(Sample.Take(() => Expect(RawRows(path, format), rows + 1, "raw rows"))),
                () => reader.Add(Sample.Take(() => Expect(ReadingVariants.Reader(path, format), rows, "records"))),
                () => pipeline.Add(Sample.Take(() => observations = CheckedPipeline(path, format, rows))),
            };
            for (var i = 0; i < steps.Length; i++) steps[(i + round) % steps.Length]();
        }
        log.WriteLine($"  raw {raw.Rate(rows):N0} rows/s, reader {reader.Rate(rows):N0} rows/s, pipeline {pipeline.Rate(rows):N0} rows/s " +
            $"(ratio {Statistics.SpeedRatio(pipeline, raw):F2}); allocated per row: raw {raw.MedianAllocated / rows:N0} B, pipeline {pipeline.MedianAllocated / rows:N0} B");

        ProbeResult? rawMemory = null, readerMemory = null, pipelineMemory = null;
        if (settings.MeasureMemory)
        {
            var name = format.ToString();
            var rowsText = rows.ToString(CultureInfo.InvariantCulture);
            ProbeResult Probe(string mode, bool live) => MemoryProbe.Run(ReadingBenchmark.Probe, null, name, mode, path, warmUp, rowsText, live ? "live" : "working-set");
            ProbeResult Both(string mode) => Probe(mode, live: false) with { PeakLiveHeap = Probe(mode, live: true).PeakLiveHeap };
            if (settings.ProbeEveryVariant)
            {
                rawMemory = Probe("raw", live: false);
                readerMemory = Both("reader");
                pipelineMemory = Both("pipeline");
            }
            else
            {
                pipelineMemory = Probe("pipeline", live: true);
            }
            Expect(pipelineMemory.Items, rows, "observations in the probe");
            log.WriteLine($"  peak working set growth: raw {Mb(rawMemory?.PeakGrowth)}, reader {Mb(readerMemory?.PeakGrowth)}, pipeline {Mb(pipelineMemory.PeakGrowth)}; " +
                $"peak live heap: raw {Mb(rawMemory?.PeakLiveHeap)}, reader {Mb(readerMemory?.PeakLiveHeap)}, pipeline {Mb(pipelineMemory.PeakLiveHeap)}; " +
                $"retained after validation {Mb(pipelineMemory.Retained)} ({pipelineMemory.Retained / Math.Max(1, pipelineMemory.Items):N0} B per observation)");
        }
        return new ReadingResult(format, rows, fileBytes, raw, reader, pipeline, observations, rawMemory, readerMemory, pipelineMemory);
    }

    private static long RawRows(string path, ReturnFormat format) =>
        (format == ReturnFormat.Xlsx ? ReadingVariants.RawXlsx(path) : ReadingVariants.RawCsv(path)).Rows;

    private static int CheckedPipeline(string path, ReturnFormat format, int rows)
    {
        var outcome = ReadingVariants.Pipeline(path, format);
        if (!outcome.Accepted || outcome.Warnings.Count > 0 || outcome.Rows != rows || outcome.Observations.Count != rows)
            throw new InvalidDataException(
                $"The generated {format} return of {rows} rows gave {outcome.Rows} rows, {outcome.Observations.Count} observations, " +
                $"{outcome.Errors.Count} errors (first: {outcome.Errors.FirstOrDefault()?.MessageKey}), {outcome.Warnings.Count} warnings.");
        return outcome.Observations.Count;
    }

    private static void Expect(long actual, long expected, string what)
    {
        if (actual != expected)
            throw new InvalidDataException($"Expected {expected.ToString(CultureInfo.InvariantCulture)} {what}, got {actual.ToString(CultureInfo.InvariantCulture)}.");
    }

    private static string Mb(long? bytes) => bytes is long b ? $"{b / 1048576.0:F1} MiB" : "not probed";
}

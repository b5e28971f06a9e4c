using System.Diagnostics;
using Observatory.Benchmarks.Report;
using Observatory.Benchmarks.Suites;

namespace Observatory.Benchmarks;

/// <summary>The parts of the benchmarks.</summary>
[Flags]
public enum BenchmarkParts
{
    /// <summary>Benchmark 1: reading and validating.</summary>
    Reading = 1,
    /// <summary>Benchmark 2: storing.</summary>
    Storing = 2,
    /// <summary>Benchmark 3: compiling the snapshot.</summary>
    Compiling = 4,
    /// <summary>Benchmark 4: end to end through the local host.</summary>
    EndToEnd = 8,
    /// <summary>Benchmark 6: dry runs of the samples and of a 2,000-row return through the local host.</summary>
    DryRun = 32,
    /// <summary>All of them but <see cref="Limits"/>.</summary>
    All = Reading | Storing | Compiling | EndToEnd | DryRun,
    /// <summary>The memory of the worst file within each input limit (not part of <see cref="All"/>: run with --only limits).</summary>
    Limits = 16,
}

/// <summary>Everything one run measured, with the machine and its load.</summary>
public sealed record BenchmarkResults
{
    /// <summary>The settings of the run.</summary>
    public required BenchmarkSettings Settings { get; init; }

    /// <summary>The machine.</summary>
    public required MachineInfo Machine { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset Started { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>The load average when it started.</summary>
    public required string LoadAtStart { get; init; }

    /// <summary>The load average sampled before each part and at the end.</summary>
    public List<string> LoadSamples { get; init; } = [];

    /// <summary>Benchmark 1.</summary>
    public IReadOnlyList<ReadingResult>? Reading { get; set; }

    /// <summary>Benchmark 2.</summary>
    public IReadOnlyList<StoringResult>? Storing { get; set; }

    /// <summary>Benchmark 3.</summary>
    public CompilingResult? Compiling { get; set; }

    /// <summary>Benchmark 4.</summary>
    public EndToEndResult? EndToEnd { get; set; }

    /// <summary>Benchmark 6, the dry runs.</summary>
    public IReadOnlyList<DryRunTiming>? DryRun { get; set; }

    /// <summary>The memory at the input limits, when run.</summary>
    public IReadOnlyList<LimitsResult>? Limits { get; set; }

    /// <summary>The BenchmarkDotNet micro benchmarks (full mode only).</summary>
    public IReadOnlyList<Micro.MicroResult>? Micro { get; set; }
}

/// <summary>Runs the chosen parts with the given settings; each part checks its own results and throws when they are wrong.</summary>
public static class BenchmarkRun
{
    /// <summary>Registers the memory probes every part may start.</summary>
    public static void RegisterProbes()
    {
        ReadingBenchmark.RegisterProbe();
        CompilingBenchmark.RegisterProbes();
        LimitsBenchmark.RegisterProbe();
    }

    /// <summary>Runs <paramref name="parts"/>, writing progress to <paramref name="log"/>.</summary>
    public static async Task<BenchmarkResults> RunAsync(BenchmarkSettings settings, BenchmarkParts parts, TextWriter log)
    {
        var results = new BenchmarkResults
        {
            Settings = settings,
            Machine = MachineInfo.Current(),
            Started = DateTimeOffset.UtcNow,
            LoadAtStart = MachineInfo.LoadAverage(),
        };
        var clock = Stopwatch.StartNew();
        log.WriteLine($"{(settings.Full ? "full" : "quick")} run on {results.Machine.Cores} cores, load average {results.LoadAtStart}");
        if (parts.HasFlag(BenchmarkParts.Reading))
        {
            results.LoadSamples.Add(MachineInfo.LoadAverage());
            results.Reading = new ReadingBenchmark(settings, log).Run();
        }
        if (parts.HasFlag(BenchmarkParts.Storing))
        {
            results.LoadSamples.Add(MachineInfo.LoadAverage());
            results.Storing = await new StoringBenchmark(settings, log).RunAsync();
        }
        if (parts.HasFlag(BenchmarkParts.Compiling))
        {
            results.LoadSamples.Add(MachineInfo.LoadAverage());
            results.Compiling = await new CompilingBenchmark(settings, log).RunAsync();
        }
        if (parts.HasFlag(BenchmarkParts.EndToEnd))
        {
            results.LoadSamples.Add(MachineInfo.LoadAverage());
            results.EndToEnd = await new EndToEndBenchmark(settings, log).RunAsync();
        }
        if (parts.HasFlag(BenchmarkParts.DryRun))
        {
            results.LoadSamples.Add(MachineInfo.LoadAverage());
            results.DryRun = await new DryRunBenchmark(settings, log).RunAsync();
        }
        if (parts.HasFlag(BenchmarkParts.Limits))
        {
            results.LoadSamples.Add(MachineInfo.LoadAverage());
            results.Limits = new LimitsBenchmark(settings, log).Run();
        }
        if (settings.Full && parts.HasFlag(BenchmarkParts.Reading))
        {
            log.WriteLine("micro benchmarks (BenchmarkDotNet): the cost of a csv row, step by step");
            results.Micro = Micro.MicroBenchmarks.RunForReport();
            foreach (var micro in results.Micro)
                log.WriteLine($"  {micro.Name}: {micro.MeanNanoseconds / 1e6:F2} ms per 10,000 rows, {micro.AllocatedBytes / 1e6:F1} MB allocated");
        }
        results.LoadSamples.Add(MachineInfo.LoadAverage());
        results.Duration = clock.Elapsed;
        log.WriteLine($"done in {results.Duration.TotalMinutes:F1} min, load average {results.LoadSamples[^1]}");
        return results;
    }
}

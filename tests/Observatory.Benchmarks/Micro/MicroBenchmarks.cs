using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Observatory.Benchmarks.Micro;

/// <summary>One micro benchmark's result: mean time and allocation per operation.</summary>
/// <param name="Name">The benchmark method.</param>
/// <param name="MeanNanoseconds">Mean time per operation.</param>
/// <param name="AllocatedBytes">Bytes allocated per operation, when measured.</param>
/// <param name="Ratio">Mean time over the baseline's.</param>
public sealed record MicroResult(string Name, double MeanNanoseconds, long? AllocatedBytes, double? Ratio);

/// <summary>
/// The BenchmarkDotNet micro benchmarks (<see cref="PerRowCosts"/>), run in this process (no generated project to build,
/// which two shared cores cannot afford) with a short job.
/// </summary>
public static class MicroBenchmarks
{
    /// <summary>Runs them from the command line (--micro, then BenchmarkDotNet's own arguments, e.g. --filter).</summary>
    public static int Run(string[] args)
    {
        BenchmarkSwitcher.FromTypes([typeof(PerRowCosts)]).Run(args.Length == 0 ? ["--filter", "*"] : args, Config(ConsoleLogger.Default));
        return 0;
    }

    /// <summary>Runs them for the report and returns each one's mean and allocation.</summary>
    public static IReadOnlyList<MicroResult> RunForReport()
    {
        var summary = BenchmarkRunner.Run<PerRowCosts>(Config(NullLogger.Instance));
        var baseline = summary.Reports.FirstOrDefault(r => r.BenchmarkCase.Descriptor.Baseline)?.ResultStatistics?.Mean;
        return
        [
            .. summary.Reports.Where(r => r.ResultStatistics is not null).Select(r => new MicroResult(
                r.BenchmarkCase.Descriptor.WorkloadMethod.Name,
                r.ResultStatistics!.Mean,
                r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase),
                baseline is double b && b > 0 ? r.ResultStatistics.Mean / b : null)),
        ];
    }

    private static IConfig Config(ILogger logger) => ManualConfig.CreateMinimumViable()
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddLogger(logger)
        // Its artifacts (logs, exported tables) go to a temporary folder, not into the repository.
        .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "observatory-benchmarkdotnet"))
        .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
}

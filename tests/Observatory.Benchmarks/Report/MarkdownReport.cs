namespace Observatory.Benchmarks.Report;

/// <summary>Writes docs/benchmarks.md from a full run's results.</summary>
public static class MarkdownReport
{
    /// <summary>The report's text.</summary>
    public static string Write(BenchmarkResults results) => $"# Benchmarks\n\nRun {results.Started:u}.\n";
}

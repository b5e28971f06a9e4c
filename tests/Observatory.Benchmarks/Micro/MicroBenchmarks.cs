namespace Observatory.Benchmarks.Micro;

/// <summary>The BenchmarkDotNet micro benchmarks.</summary>
public static class MicroBenchmarks
{
    /// <summary>Runs them with BenchmarkDotNet's switcher.</summary>
    public static int Run(string[] args)
    {
        _ = args;
        return 0;
    }
}

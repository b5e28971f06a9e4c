namespace Observatory.Benchmarks.Measurement;

/// <summary>The samples of one variant over several runs, summarised by their median.</summary>
public sealed class Series
{
    private readonly List<Sample> _samples = [];

    /// <summary>An empty series.</summary>
    public Series()
    {
    }

    /// <summary>A series of samples already taken (as read back from a saved run).</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public Series(IReadOnlyList<Sample> samples) => _samples = [.. samples];

    /// <summary>The samples in the order taken.</summary>
    public IReadOnlyList<Sample> Samples => _samples;

    /// <summary>Adds a sample.</summary>
    public void Add(Sample sample) => _samples.Add(sample);

    /// <summary>The median time in seconds.</summary>
    public double MedianSeconds => Statistics.Median(_samples.Select(s => s.Elapsed.TotalSeconds));

    /// <summary>The fastest run in seconds.</summary>
    public double MinSeconds => _samples.Min(s => s.Elapsed.TotalSeconds);

    /// <summary>The slowest run in seconds.</summary>
    public double MaxSeconds => _samples.Max(s => s.Elapsed.TotalSeconds);

    /// <summary>The median bytes allocated per run.</summary>
    public double MedianAllocated => Statistics.Median(_samples.Select(s => (double)s.AllocatedBytes));

    /// <summary>The median share of the time the process spent paused for garbage collection.</summary>
    public double MedianGcShare => Statistics.Median(_samples.Select(s => s.GcPause.TotalSeconds / s.Elapsed.TotalSeconds));

    /// <summary>Items per second at the median time.</summary>
    public double Rate(long items) => items / MedianSeconds;
}

/// <summary>Medians and paired ratios.</summary>
public static class Statistics
{
    /// <summary>The median (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return double.NaN;
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// The median over runs of <paramref name="baseline"/>'s time divided by <paramref name="candidate"/>'s, each pair
    /// taken in the same round: the candidate's speed as a fraction of the baseline's (1 is as fast, 0.5 half as fast).
    /// Pairing runs that were taken seconds apart keeps the machine's changing load out of the ratio.
    /// </summary>
    public static double SpeedRatio(Series candidate, Series baseline) =>
        Median(candidate.Samples.Zip(baseline.Samples, (c, b) => b.Elapsed.TotalSeconds / c.Elapsed.TotalSeconds));

    /// <summary>The median over rounds of the candidate's time divided by the baseline's: how many times longer it takes.</summary>
    public static double TimeRatio(Series candidate, Series baseline) =>
        Median(candidate.Samples.Zip(baseline.Samples, (c, b) => c.Elapsed.TotalSeconds / b.Elapsed.TotalSeconds));

    /// <summary>The value at fraction <paramref name="p"/> (0–1) of the sorted values, by the nearest-rank method.</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        if (sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

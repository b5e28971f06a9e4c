namespace Observatory.Benchmarks.Measurement;

/// <summary>
/// Samples the live managed heap (after a full collection) while a probe runs: every so many rows, the code being
/// measured calls <see cref="Tick"/>. Outside a probe it does nothing but a counter check. What is live after a full
/// collection is what the work holds, whatever the collector's budget lets the working set grow to meanwhile.
/// </summary>
public static class LiveHeap
{
    private static long _baseline;
    private static long _peak;
    private static int _interval;
    private static long _ticks;

    /// <summary>Starts sampling every <paramref name="interval"/> ticks, above the heap live now; 0 or less samples nothing.</summary>
    public static void Start(int interval)
    {
        _peak = 0;
        _ticks = 0;
        _interval = Math.Max(0, interval);
        if (_interval > 0) _baseline = GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>One row (or other unit of work) done; samples when the interval is reached.</summary>
    public static void Tick()
    {
        if (_interval == 0 || ++_ticks % _interval != 0) return;
        _peak = Math.Max(_peak, GC.GetTotalMemory(forceFullCollection: true) - _baseline);
    }

    /// <summary>Stops sampling; returns the highest live heap seen above the start.</summary>
    public static long Stop()
    {
        _interval = 0;
        return _peak;
    }
}

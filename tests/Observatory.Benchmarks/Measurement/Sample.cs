using System.Diagnostics;

namespace Observatory.Benchmarks.Measurement;

/// <summary>One timed run: how long it took, how many bytes it allocated, and what the garbage collector did meanwhile.</summary>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap by the whole process meanwhile.</param>
/// <param name="GcPause">Time the process was paused for garbage collections meanwhile.</param>
/// <param name="Collections">Collections of generation 0, 1 and 2 meanwhile (a collection of 2 counts for 1 and 0 as well).</param>
public readonly record struct Sample(TimeSpan Elapsed, long AllocatedBytes, TimeSpan GcPause, (int Gen0, int Gen1, int Gen2) Collections)
{
    /// <summary>Times <paramref name="body"/> after a full collection, so that garbage of the run before is not collected on its clock.</summary>
    public static Sample Take(Action body)
    {
        var start = Start();
        body();
        return start.Stop();
    }

    /// <summary>Times <paramref name="body"/> after a full collection.</summary>
    public static async Task<Sample> TakeAsync(Func<Task> body)
    {
        var start = Start();
        await body();
        return start.Stop();
    }

    private static Started Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new Started(Stopwatch.StartNew(), GC.GetTotalAllocatedBytes(precise: true), GC.GetTotalPauseDuration(),
            (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)));
    }

    private readonly record struct Started(Stopwatch Clock, long Allocated, TimeSpan Paused, (int Gen0, int Gen1, int Gen2) Collections)
    {
        public Sample Stop()
        {
            Clock.Stop();
            return new Sample(Clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - Allocated, GC.GetTotalPauseDuration() - Paused,
                (GC.CollectionCount(0) - Collections.Gen0, GC.CollectionCount(1) - Collections.Gen1, GC.CollectionCount(2) - Collections.Gen2));
        }
    }
}

using System.Diagnostics;

namespace Observatory.Benchmarks.Measurement;

/// <summary>One timed run: how long it took and how many bytes it allocated.</summary>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="AllocatedBytes">Bytes allocated on the managed heap by the whole process meanwhile.</param>
public readonly record struct Sample(TimeSpan Elapsed, long AllocatedBytes)
{
    /// <summary>Times <paramref name="body"/> after a full collection, so that garbage of the run before is not collected on its clock.</summary>
    public static Sample Take(Action body)
    {
        Settle();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        body();
        clock.Stop();
        return new Sample(clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    /// <summary>Times <paramref name="body"/> after a full collection.</summary>
    public static async Task<Sample> TakeAsync(Func<Task> body)
    {
        Settle();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        await body();
        clock.Stop();
        return new Sample(clock.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    private static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}

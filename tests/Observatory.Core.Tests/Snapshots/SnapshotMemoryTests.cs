using Observatory.Core.Domain;
using Observatory.Core.Languages;
using Observatory.Core.Observations;
using Observatory.Core.ReferenceData;
using Observatory.Core.Snapshots;
using Xunit.Abstractions;

namespace Observatory.Core.Tests.Snapshots;

/// <summary>Runs alone: other tests allocating at the same time would blur the heap measurements.</summary>
[CollectionDefinition(nameof(MemoryMeasurement), DisableParallelization = true)]
public sealed class MemoryMeasurement;

/// <summary>
/// The compiler holds one state's data at a time: the heap it keeps alive does not grow with the number of
/// observations it has written. The live heap (after a full collection) is sampled each time the compiler asks for
/// the next state's data.
/// </summary>
[Collection(nameof(MemoryMeasurement))]
public class SnapshotMemoryTests(ITestOutputHelper log)
{
    private const int StateCount = 35;

    [Fact]
    public async Task The_live_heap_stays_flat_when_each_state_has_ten_times_more_observations()
    {
        await MeasureAsync(50); // warm up: JIT, pools and static tables, so they count in neither run
        var small = await MeasureAsync(500);
        var large = await MeasureAsync(5_000);
        log.WriteLine($"35 × 500: {small}");
        log.WriteLine($"35 × 5,000: {large}");

        // Peak over allocation: ten times the data allocates ten times as much; the peak may not keep pace.
        Assert.True(large.Ratio <= small.Ratio, $"Peak/allocated rose from {small.Ratio:F4} to {large.Ratio:F4} with ten times the data.");
        // What tells a flat compiler from one that keeps its rows: after the first state, the live heap stays about
        // where it was (pooled buffers move it a little). Keeping the rows adds one state's rows for each of the 34
        // states that follow: seven times the footprint of the first state when this test was written.
        Assert.True(large.Drift < large.Footprint,
            $"The live heap grew by {large.Drift:N0} B over the states after the first, whose footprint was {large.Footprint:N0} B.");
    }

    private static async Task<Measurement> MeasureAsync(int perState)
    {
        var request = new SnapshotRequest(2025, "20260301T060000Z", DateTimeOffset.UnixEpoch, MemoryCatalog.Catalog, MemoryCatalog.States);
        var compiler = new SnapshotCompiler();
        var samples = new List<long>();
        var start = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        await compiler.CompileAsync(request, Generate(perState, samples), new DiscardingOutput(), CancellationToken.None);

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new Measurement(start, samples, allocated);
    }

    // Each state's data is made only when the compiler asks for it, as storage would read it, and the live heap is
    // sampled at each hand-over.
    private static async IAsyncEnumerable<ObservationSet> Generate(int perState, List<long> samples)
    {
        foreach (var state in SnapshotCompiler.ReadingOrder(MemoryCatalog.States))
        {
            samples.Add(GC.GetTotalMemory(forceFullCollection: true));
            await Task.Yield();
            yield return MemoryCatalog.StateData(state.Iso3, perState);
        }
        samples.Add(GC.GetTotalMemory(forceFullCollection: true));
    }

    /// <param name="Start">The live heap before compiling.</param>
    /// <param name="Samples">The live heap as the first state, the second, … is asked for, and after the last.</param>
    /// <param name="Allocated">Everything allocated while compiling, the data made for it included.</param>
    private sealed record Measurement(long Start, IReadOnlyList<long> Samples, long Allocated)
    {
        /// <summary>The highest live heap above the start.</summary>
        public long Peak => Math.Max(Samples.Max() - Start, 1);

        /// <summary>The live heap above the start once the first state is written: what one state costs.</summary>
        public long Footprint => Samples[1] - Start;

        /// <summary>
        /// How far the live heap rose above that over the remaining states, at the median sample: a compiler that keeps
        /// its rows grows at every state, so half its samples lie more than half the states above the first, while a
        /// collection that happened to count a buffer of the test runner in one sample does not move the median.
        /// </summary>
        public long Drift => Median(Samples.Skip(2)) - Samples[1];

        private static long Median(IEnumerable<long> values)
        {
            var sorted = values.Order().ToArray();
            return sorted[sorted.Length / 2];
        }

        public double Ratio => (double)Peak / Allocated;

        public override string ToString() =>
            $"peak {Peak:N0} B above start, allocated {Allocated:N0} B, peak/allocated {Ratio:F4}, one state {Footprint:N0} B, drift after it {Drift:N0} B";
    }

    private sealed class DiscardingOutput : ISnapshotOutput
    {
        public Task<Stream> CreateAsync(string fileName, string contentType, CancellationToken cancellationToken) => Task.FromResult(Stream.Null);
    }

    /// <summary>35 states and a protected count broken down by sex, age and a 320-code region: up to 5,120 cells a state.</summary>
    private static class MemoryCatalog
    {
        private static readonly string[] Sexes = ["F", "M", "_U", "_T"];
        private static readonly string[] Ages = ["Y0T11", "Y12T17", "_U", "_T"];
        private static readonly string[] Regions = [.. Enumerable.Range(1, 320).Select(i => $"R{i:000}")];

        private static readonly CodeList[] Lists = [List("SEX", Sexes), List("AGE", Ages), List("REGION", [.. Regions, "_T"])];

        public static IndicatorCatalog Catalog { get; } = new("1",
            [new Indicator("CT_VICT_AREA", Text("Victims by area"), Text("Victims by area"), IndicatorUnits.Number, ["SEX", "AGE", "REGION"], true, false, [])],
            Lists,
            TestReferenceData.Columns(Lists));

        public static MemberStateRegistry States { get; } = new(
            [.. Enumerable.Range(0, StateCount).Select(i => new MemberState($"Q{Letters(i)}", Letters(i), $"{900 + i}", Text($"State {i}"), Language.En, [new ParticipationPeriod(new DateOnly(2000, 1, 1), null, null)], []))]);

        public static ObservationSet StateData(string country, int count)
        {
            var random = new Random(country.GetHashCode(StringComparison.Ordinal) ^ count);
            var observations = new List<Observation>(count);
            foreach (var region in Regions)
                foreach (var sex in Sexes)
                    foreach (var age in Ages)
                    {
                        if (observations.Count == count)
                            break;
                        observations.Add(new Observation(country, 2025, "CT_VICT_AREA",
                            [new("SEX", sex), new("AGE", age), new("REGION", region)],
                            ObservationValue.Of(random.Next(0, 40)), random.Next(10) == 0 ? $"Note on {region}" : null, null));
                    }
            return new ObservationSet(country, 2025, $"sub-{country}", DateTimeOffset.UnixEpoch, observations);
        }

        private static LocalizedText Text(string text) => new(text, text, text, text);

        private static string Letters(int i) => $"{(char)('A' + i / 26)}{(char)('A' + i % 26)}";

        private static CodeList List(string id, string[] codes) =>
            new(id, Text(id), true, [.. codes.Select(c => new CodeItem(c, Text(c), []))]);
    }
}

using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Benchmarks.Data;
using Observatory.Benchmarks.Measurement;
using Observatory.Core.Observations;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Writers;
using Observatory.Storage;

namespace Observatory.Benchmarks.Suites;

/// <summary>What the compiling benchmark measured.</summary>
/// <param name="States">States in the snapshot.</param>
/// <param name="ObservationsPerState">Observations of each.</param>
/// <param name="Rows">Rows of the published observation files.</param>
/// <param name="PlainRead">Reading the same partitions with the SDK alone (the baseline).</param>
/// <param name="Publish">Compiling and publishing the snapshot: reading, disclosure control, every file written to Blob Storage.</param>
/// <param name="Stages">Seconds of each stage run on its own over the data in memory (median of the runs).</param>
/// <param name="Files">The published files and their sizes in bytes.</param>
/// <param name="PublishMemory">The publish's memory, in a process of its own.</param>
/// <param name="PlainReadMemory">The plain read's memory, in a process of its own.</param>
public sealed record CompilingResult(
    int States, int ObservationsPerState, long Rows, Series PlainRead, Series Publish, IReadOnlyDictionary<string, double> Stages,
    IReadOnlyDictionary<string, long> Files, ProbeResult? PublishMemory, ProbeResult? PlainReadMemory)
{
    /// <summary>How many times longer the publish takes than the plain read.</summary>
    public double Ratio => Statistics.TimeRatio(Publish, PlainRead);
}

/// <summary>
/// Benchmark 3: the snapshot of many states compiled and published with every file, against a plain read of the same
/// partitions; each output format timed on its own over the same rows.
/// </summary>
public sealed class CompilingBenchmark(BenchmarkSettings settings, TextWriter log)
{
    private const string PublishProbe = "publish";
    private const string PlainReadProbe = "plain-read";
    /// <summary>The reporting year of the seeded data: one for each mode, so that a quick run never meets a full run's data.</summary>
    private static int YearOf(BenchmarkSettings settings) => settings.Full ? 2024 : 2022;

    // The publisher reads this many states ahead of the compiler; the plain read is given the same parallelism.
    private const int ReadAhead = 4;

    /// <summary>Registers the memory probes of this benchmark (the data is the one seeded by the main process).</summary>
    public static void RegisterProbes()
    {
        MemoryProbe.Register(PublishProbe, arguments =>
        {
            var (services, _, year) = Open(arguments);
            var publisher = services.GetRequiredService<SnapshotPublisher>();
            return new MemoryProbe.ProbeWork(() =>
            {
                var manifest = publisher.PublishAsync(year, CancellationToken.None).GetAwaiter().GetResult()!;
                return (manifest.Statistics.Rows, manifest);
            });
        });
        MemoryProbe.Register(PlainReadProbe, arguments =>
        {
            var (services, states, year) = Open(arguments);
            var table = services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.ObservationsTable);
            return new MemoryProbe.ProbeWork(() => (PlainReadAsync(table, states, year).GetAwaiter().GetResult(), null));
        });
    }

    /// <summary>The services, states and year a probe's arguments name: connection string, number of states, year.</summary>
    private static (ServiceProvider Services, IReadOnlyList<MemberState> States, int Year) Open(string[] arguments)
    {
        var services = BenchmarkServices.CreateAsync(arguments[0], new StorageRequests()).GetAwaiter().GetResult();
        return (services, States(int.Parse(arguments[1], CultureInfo.InvariantCulture)), int.Parse(arguments[2], CultureInfo.InvariantCulture));
    }

    /// <summary>Seeds the data, then times the plain read and the publish side by side.</summary>
    public async Task<CompilingResult> RunAsync()
    {
        var requests = new StorageRequests();
        await using var services = await BenchmarkServices.CreateAsync(settings.StorageConnectionString, requests);
        var store = services.GetRequiredService<IObservationStore>();
        var table = services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.ObservationsTable);
        var publisher = services.GetRequiredService<SnapshotPublisher>();
        var states = States(settings.CompileStates);
        var perState = settings.CompileObservationsPerState;
        var year = YearOf(settings);

        var seeding = await Sample.TakeAsync(() => SeedAsync(store, states, perState, year));
        log.WriteLine($"compiling: seeded {states.Count} states × {perState:N0} observations in {seeding.Elapsed.TotalSeconds:F1} s");
        await PlainReadAsync(table, states, year); // warm-up of both, off the clock
        var manifest = await publisher.PublishAsync(year, CancellationToken.None);

        Series plain = new(), publish = new();
        for (var round = 0; round < settings.CompileRuns; round++)
        {
            async Task Plain() => plain.Add(await Sample.TakeAsync(async () => Expect(await PlainReadAsync(table, states, year), (long)states.Count * perState, "rows read")));
            async Task Publish() => publish.Add(await Sample.TakeAsync(async () => manifest = await publisher.PublishAsync(year, CancellationToken.None)));
            if (round % 2 == 0) { await Plain(); await Publish(); }
            else { await Publish(); await Plain(); }
        }
        if (manifest is null || manifest.Statistics.States != states.Count || manifest.Statistics.Rows != (long)states.Count * perState)
            throw new InvalidDataException($"The snapshot has {manifest?.Statistics.States} states and {manifest?.Statistics.Rows} rows.");

        var stages = await MeasureStagesAsync(services, states, year);
        ProbeResult? publishMemory = null, plainMemory = null;
        if (settings.MeasureMemory)
        {
            var environment = new Dictionary<string, string>();
            var arguments = new[] { settings.StorageConnectionString, states.Count.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture) };
            publishMemory = MemoryProbe.Run(PublishProbe, environment, arguments);
            plainMemory = MemoryProbe.Run(PlainReadProbe, environment, arguments);
        }
        var result = new CompilingResult(states.Count, perState, manifest.Statistics.Rows, plain, publish, stages,
            manifest.Files.ToDictionary(f => f.Name, f => f.Size, StringComparer.Ordinal), publishMemory, plainMemory);
        log.WriteLine($"  plain read {plain.MedianSeconds:F2} s, publish {publish.MedianSeconds:F2} s (× {result.Ratio:F2}); stages: " +
            string.Join(", ", stages.Select(s => $"{s.Key} {s.Value:F2} s")) +
            (publishMemory is null ? "" : $"; peak working set growth: publish {publishMemory.PeakGrowth / 1048576.0:F1} MiB, plain read {plainMemory!.PeakGrowth / 1048576.0:F1} MiB"));
        return result;
    }

    /// <summary>The first <paramref name="count"/> states in the compiler's reading order.</summary>
    private static IReadOnlyList<MemberState> States(int count) =>
        [.. SnapshotCompiler.ReadingOrder(BenchmarkReferenceData.Instance.States).Take(count)];

    private static async Task SeedAsync(IObservationStore store, IReadOnlyList<MemberState> states, int perState, int year)
    {
        foreach (var state in states)
        {
            var id = $"{state.Iso3}-{year}-SEED{perState}";
            await store.WriteVersionAsync(state.Iso3, year, id, ObservationData.For(state.Iso3, year, perState), null, CancellationToken.None);
            await VersionSwitch.MakeCurrentAsync(store, state.Iso3, year, id);
        }
    }

    /// <summary>
    /// The baseline: for each state, the SDK reads the partition's pointer row and then the rows of the version it
    /// names, as entities, with as many partitions in flight as the publisher reads ahead. Returns the rows read.
    /// </summary>
    private static async Task<long> PlainReadAsync(TableClient table, IReadOnlyList<MemberState> states, int year)
    {
        async Task<long> ReadState(MemberState state)
        {
            var partition = $"{state.Iso3}-{year}";
            var pointer = await table.GetEntityAsync<TableEntity>(partition, "~current");
            var prefix = pointer.Value.GetString("SubmissionId") + "~";
            var filter = $"PartitionKey eq '{partition}' and RowKey ge '{prefix}' and RowKey lt '{prefix[..^1]}{(char)(prefix[^1] + 1)}'";
            long rows = 0;
            await foreach (var _ in table.QueryAsync<TableEntity>(filter)) rows++;
            return rows;
        }

        long total = 0;
        var pending = new Queue<Task<long>>();
        var next = 0;
        while (next < states.Count || pending.Count > 0)
        {
            while (next < states.Count && pending.Count < ReadAhead) pending.Enqueue(ReadState(states[next++]));
            total += await pending.Dequeue();
        }
        return total;
    }

    /// <summary>
    /// Each stage of the compile run on its own over the same states (read once, then held in memory): the read through
    /// our store, the disclosure control that builds each state's published rows, and each observation file written to
    /// a stream that discards its bytes. Each stage runs once per compile run; the median is reported.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, double>> MeasureStagesAsync(IServiceProvider services, IReadOnlyList<MemberState> states, int year)
    {
        var store = services.GetRequiredService<IObservationStore>();
        var referenceData = BenchmarkReferenceData.Instance;
        var index = new CatalogIndex(referenceData.Catalog);
        var table = new ObservationsTable(index, referenceData.States);
        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        void Add(string stage, Sample sample) => (times.TryGetValue(stage, out var list) ? list : times[stage] = []).Add(sample.Elapsed.TotalSeconds);

        List<ObservationSet> sets = [];
        List<StateTable> built = [];
        for (var run = 0; run < settings.CompileRuns; run++)
        {
            Add("read through the store", await Sample.TakeAsync(async () =>
                sets = [.. (await Task.WhenAll(states.Select(s => store.ReadCurrentAsync(s.Iso3, year, null, CancellationToken.None)))).OfType<ObservationSet>()]));
            Add("disclosure control", Sample.Take(() =>
                built = [.. sets.Zip(states, (set, state) => StateTable.Build(set, state, index, 5))]));
            foreach (var (name, create) in Writers(table))
            {
                Add(name, await Sample.TakeAsync(async () =>
                {
                    await using var output = new HashingStream(Stream.Null, name, "application/octet-stream");
                    var writer = create(output);
                    await writer.StartAsync(CancellationToken.None);
                    foreach (var state in built) await writer.WriteStateAsync(state.Rows, CancellationToken.None);
                    await writer.CompleteAsync(CancellationToken.None);
                }));
            }
        }
        return times.ToDictionary(t => t.Key, t => Statistics.Median(t.Value), StringComparer.Ordinal);
    }

    private static IEnumerable<(string Name, Func<HashingStream, IObservationsWriter> Create)> Writers(ObservationsTable table) =>
    [
        (SnapshotFileNames.ObservationsCsv, output => new ObservationsCsvWriter(output, table)),
        (SnapshotFileNames.ObservationsParquet, output => new ObservationsParquetWriter(output, table)),
        (SnapshotFileNames.ObservationsJson, output => new ObservationsJsonWriter(output, table)),
        (SnapshotFileNames.ObservationsXlsx, output => new ObservationsXlsxWriter(output, table)),
    ];

    private static long Expect(long actual, long expected, string what) =>
        actual == expected ? actual : throw new InvalidDataException($"Expected {expected} {what}, got {actual}.");
}

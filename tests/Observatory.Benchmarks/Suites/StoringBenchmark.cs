using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Benchmarks.Data;
using Observatory.Benchmarks.Measurement;
using Observatory.Core.Domain;
using Observatory.Core.Ports;
using Observatory.Core.Security;
using Observatory.Core.Submissions;
using Observatory.Storage;

namespace Observatory.Benchmarks.Suites;

/// <summary>The storage requests of one submission, from upload to accepted.</summary>
/// <param name="Rows">Rows of the uploaded return.</param>
/// <param name="Intake">Requests of the upload (raw file, record, queue message).</param>
/// <param name="Processing">Requests of processing it (read, validate, store, promote, record the verdict).</param>
/// <param name="ByKind">Both, by kind of request.</param>
public sealed record SubmissionRequests(int Rows, long Intake, long Processing, IReadOnlyDictionary<string, long> ByKind)
{
    /// <summary>Entity-group transactions the observations need: one per 100.</summary>
    public long Batches => (Rows + 99) / 100;

    /// <summary>Requests beyond the observation batches: what a submission costs whatever its size.</summary>
    public long Constant => Intake + Processing - Batches;
}

/// <summary>What the storing benchmark measured for one number of observations.</summary>
/// <param name="Observations">Observations of one state and year.</param>
/// <param name="Store">Our store writing them as a version.</param>
/// <param name="Baseline">The SDK's plain batched upserts of the same entities.</param>
/// <param name="StoreRequests">Requests of one version write by our store.</param>
/// <param name="BaselineRequests">Requests of the baseline's write.</param>
/// <param name="PromoteRequests">Requests of making the version current.</param>
/// <param name="Submission">The requests of a whole submission of this many rows.</param>
public sealed record StoringResult(
    int Observations, Series Store, Series Baseline, long StoreRequests, long BaselineRequests, long PromoteRequests, SubmissionRequests Submission)
{
    /// <summary>Our store's speed as a fraction of the baseline's.</summary>
    public double Ratio => Statistics.SpeedRatio(Store, Baseline);
}

/// <summary>
/// Benchmark 2: N observations of one state and year written to Azurite by <see cref="TableObservationStore"/>, against
/// the Azure SDK's plain batched upserts (100 per transaction) of the same entities; and the storage requests of a
/// whole submission, counted by a pipeline policy on the SDK clients.
/// </summary>
public sealed class StoringBenchmark(BenchmarkSettings settings, TextWriter log)
{
    private const string Country = "MEX";
    private const int Year = 2023;

    /// <summary>Runs every size.</summary>
    public async Task<IReadOnlyList<StoringResult>> RunAsync()
    {
        var requests = new StorageRequests();
        await using var services = await BenchmarkServices.CreateAsync(settings.StorageConnectionString, requests);
        var store = services.GetRequiredService<IObservationStore>();
        var table = services.GetRequiredService<TableServiceClient>().GetTableClient(StorageNames.ObservationsTable);

        // One small write of each kind first, so that neither pays for connections and JIT on its clock.
        var warmUp = ObservationData.For(Country, Year, 200);
        await store.WriteVersionAsync(Country, Year, "WARMUP-STORE", warmUp, null, CancellationToken.None);
        await BaselineWriteAsync(table, "WARMUP-BASE", warmUp);

        var results = new List<StoringResult>();
        foreach (var count in settings.StoringObservations)
            results.Add(await MeasureAsync(services, store, table, requests, count));
        return results;
    }

    private async Task<StoringResult> MeasureAsync(IServiceProvider services, IObservationStore store, TableClient table, StorageRequests requests, int count)
    {
        var observations = ObservationData.For(Country, Year, count);
        Series ours = new(), baseline = new();
        long storeRequests = 0, baselineRequests = 0, promoteRequests = 0;
        for (var round = 0; round < settings.StoringRuns(count); round++)
        {
            var id = $"BENCH-{count}-{round}";
            async Task Ours()
            {
                requests.Reset();
                ours.Add(await Sample.TakeAsync(() => store.WriteVersionAsync(Country, Year, id + "-S", observations, null, CancellationToken.None)));
                storeRequests = requests.Total;
            }
            async Task Baseline()
            {
                requests.Reset();
                baseline.Add(await Sample.TakeAsync(() => BaselineWriteAsync(table, id + "-B", observations)));
                baselineRequests = requests.Total;
            }
            if (round % 2 == 0) { await Ours(); await Baseline(); }
            else { await Baseline(); await Ours(); }

            requests.Reset();
            await VersionSwitch.MakeCurrentAsync(store, Country, Year, id + "-S");
            promoteRequests = requests.Total;
        }

        // What was written is what was given, and the baseline wrote as many rows.
        var current = await store.ReadCurrentAsync(Country, Year, null, CancellationToken.None)
            ?? throw new InvalidDataException("The promoted version cannot be read.");
        if (current.Observations.Count != count || current.Observations.Select(o => o.Key).Except(observations.Select(o => o.Key)).Any())
            throw new InvalidDataException($"The store gave back {current.Observations.Count} observations of the {count} written.");
        var baselineRows = await CountRowsAsync(table, RowKeysOf($"BENCH-{count}-0-B~"));
        if (baselineRows != count)
            throw new InvalidDataException($"The baseline wrote {baselineRows} rows of {count}.");

        var submission = await MeasureSubmissionAsync(services, requests, count);
        log.WriteLine($"storing {count:N0} observations: store {ours.Rate(count):N0}/s, baseline {baseline.Rate(count):N0}/s " +
            $"(ratio {Statistics.SpeedRatio(ours, baseline):F2}); requests: store {storeRequests}, baseline {baselineRequests}, promote {promoteRequests}; " +
            $"a whole submission {submission.Intake} + {submission.Processing} ({submission.Batches} batches + {submission.Constant})");
        return new StoringResult(count, ours, baseline, storeRequests, baselineRequests, promoteRequests, submission);
    }

    /// <summary>
    /// The baseline: the SDK's own entity-group transactions of 100 upserts, in sequence, of the entities our store
    /// writes (the same keys and properties; see <see cref="TableObservationStore"/>).
    /// </summary>
    private static async Task BaselineWriteAsync(TableClient table, string submissionId, IReadOnlyList<Observation> observations)
    {
        var partition = $"{Country}-{Year}";
        foreach (var chunk in observations.Chunk(100))
        {
            var actions = chunk.Select(o => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"{submissionId}~{o.Key}")
            {
                ["SubmissionId"] = submissionId,
                ["Indicator"] = o.Indicator,
                ["Dimensions"] = string.Join('|', o.Dimensions.Select(d => $"{d.Key}={d.Value}")),
                ["Number"] = o.Value.Number,
                ["Code"] = o.Value.Code,
                ["Note"] = o.Note,
                ["Flag"] = o.Flag,
            }));
            await table.SubmitTransactionAsync(actions, CancellationToken.None);
        }
    }

    /// <summary>Uploads a csv return of <paramref name="rows"/> rows and processes it, counting the requests of each step.</summary>
    private static async Task<SubmissionRequests> MeasureSubmissionAsync(IServiceProvider services, StorageRequests requests, int rows)
    {
        var intake = services.GetRequiredService<SubmissionIntake>();
        var processor = services.GetRequiredService<SubmissionProcessor>();
        // A year of its own per size, with a seed of the run, so that every upload is new and has no previous year to compare.
        var year = 2000 + rows % 20;
        var content = CsvReturnFile.Bytes(ReturnContent.Rows(Country, year, rows, seed: Environment.TickCount));

        requests.Reset();
        var received = await intake.ReceiveAsync(new IntakeRequest(Caller.Admin(), Country, year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            null, "return.csv", "text/csv", content), CancellationToken.None);
        var submission = received.Submission ?? throw new InvalidDataException($"The upload was refused: {received.Detail}");
        var intakeRequests = requests.Total;
        var intakeKinds = requests.ByKind;

        requests.Reset();
        await processor.ProcessAsync(submission.Id, CancellationToken.None);
        var processingRequests = requests.Total;
        var processingKinds = requests.ByKind;

        var stored = await services.GetRequiredService<ISubmissionStore>().FindAsync(submission.Id, CancellationToken.None);
        if (stored?.Status != SubmissionStatus.Accepted || stored.Counts?.Observations != rows)
            throw new InvalidDataException($"The submission of {rows} rows ended {stored?.Status} with {stored?.Counts?.Observations} observations.");
        // The queue message is the local host's to take; here the processor was called directly.
        await services.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>().GetQueueClient(StorageNames.SubmissionsQueue).ClearMessagesAsync();

        var byKind = intakeKinds.Concat(processingKinds).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Sum(p => p.Value), StringComparer.Ordinal);
        return new SubmissionRequests(rows, intakeRequests, processingRequests, byKind);
    }

    private static string RowKeysOf(string prefix) =>
        $"PartitionKey eq '{Country}-{Year}' and RowKey ge '{prefix}' and RowKey lt '{prefix[..^1]}{(char)(prefix[^1] + 1)}'";

    private static async Task<int> CountRowsAsync(TableClient table, string filter)
    {
        var rows = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: CancellationToken.None)) rows++;
        return rows;
    }
}

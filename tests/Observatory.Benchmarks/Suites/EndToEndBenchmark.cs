using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Observatory.Benchmarks.Data;
using Observatory.Benchmarks.Measurement;
using Observatory.Core.ReferenceData;

namespace Observatory.Benchmarks.Suites;

/// <summary>One upload of the end-to-end benchmark, from the moment it was sent to the moment it was accepted.</summary>
/// <param name="Country">The state.</param>
/// <param name="Format">xlsx or csv.</param>
/// <param name="Sent">When the client began the upload.</param>
/// <param name="Queued">When the 202 came back.</param>
/// <param name="Completed">When processing completed, as the submission records it.</param>
public sealed record UploadTiming(string Country, string Format, DateTimeOffset Sent, DateTimeOffset Queued, DateTimeOffset Completed)
{
    /// <summary>Upload to accepted.</summary>
    public TimeSpan Latency => Completed - Sent;
}

/// <summary>One round: every state uploading at once.</summary>
/// <param name="Uploads">Each upload.</param>
/// <param name="Requests">Storage requests of the function classes during the round.</param>
public sealed record EndToEndRound(IReadOnlyList<UploadTiming> Uploads, long Requests)
{
    /// <summary>From the first upload sent to the last one accepted.</summary>
    public TimeSpan Makespan => Uploads.Max(u => u.Completed) - Uploads.Min(u => u.Sent);
}

/// <summary>What the end-to-end benchmark measured.</summary>
/// <param name="States">States uploading at once.</param>
/// <param name="Rows">Rows of each return.</param>
/// <param name="Rounds">The rounds.</param>
public sealed record EndToEndResult(int States, int Rows, IReadOnlyList<EndToEndRound> Rounds)
{
    /// <summary>Upload-to-accepted latencies of every upload of every round, in seconds.</summary>
    public IEnumerable<double> Latencies => Rounds.SelectMany(r => r.Uploads).Select(u => u.Latency.TotalSeconds);

    /// <summary>Observations accepted per second over each round's makespan, median of the rounds.</summary>
    public double ObservationsPerSecond => Statistics.Median(Rounds.Select(r => (double)States * Rows / r.Makespan.TotalSeconds));

    /// <summary>Storage requests per submission, median of the rounds.</summary>
    public double RequestsPerSubmission => Statistics.Median(Rounds.Select(r => (double)r.Requests / States));
}

/// <summary>
/// Benchmark 4: every state uploading its return at once through the local host (Kestrel, the Function App's HTTP and
/// queue functions, Azurite); checks that all are accepted and none is lost, and measures upload-to-accepted latency
/// and throughput.
/// </summary>
public sealed class EndToEndBenchmark(BenchmarkSettings settings, TextWriter log)
{
    private const int Year = 2021;
    private static readonly TimeSpan RoundLimit = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int WarmUpRows = 48;

    /// <summary>Starts the local host, runs the rounds, stops it.</summary>
    public async Task<EndToEndResult> RunAsync()
    {
        var requests = new StorageRequests();
        var state = Directory.CreateDirectory(Path.Combine(settings.WorkDirectory, "localhost")).FullName;
        var app = BenchmarkLocalHost.Build(settings, requests, state);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
            var states = StatesFor(settings.EndToEndStates);
            var keys = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var member in states) keys[member.Iso3] = await BenchmarkLocalHost.IssueKeyAsync(client, member.Iso3);

            // A first round of small returns warms the host up (JIT, connections, the catalog's caches) off the clock.
            await Task.WhenAll(states.Select((s, i) => UploadAndAwaitAsync(client, keys[s.Iso3], s.Iso3, Return(s.Iso3, i, round: -1, WarmUpRows), WarmUpRows)));

            var rounds = new List<EndToEndRound>();
            for (var round = 0; round < settings.EndToEndRuns; round++)
            {
                var files = states.Select((s, i) => (s.Iso3, File: Return(s.Iso3, i, round, settings.EndToEndRows))).ToList();
                requests.Reset();
                var uploads = await Task.WhenAll(files.Select(f => UploadAndAwaitAsync(client, keys[f.Iso3], f.Iso3, f.File, settings.EndToEndRows)));
                rounds.Add(new EndToEndRound(uploads, requests.Total));
                await CheckNoneLostAsync(client, keys);
                var latencies = uploads.Select(u => u.Latency.TotalSeconds).ToList();
                log.WriteLine($"end to end, round {round + 1}: {states.Count} states × {settings.EndToEndRows:N0} rows accepted in {rounds[^1].Makespan.TotalSeconds:F1} s; " +
                    $"latency p50 {Statistics.Percentile(latencies, 0.5):F1} s, p95 {Statistics.Percentile(latencies, 0.95):F1} s; " +
                    $"{requests.Total / (double)states.Count:F1} storage requests per submission");
            }
            return new EndToEndResult(states.Count, settings.EndToEndRows, rounds);
        }
        finally
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }
    }

    /// <summary>The first <paramref name="count"/> states, in the order of their names.</summary>
    private static List<MemberState> StatesFor(int count) => [.. BenchmarkReferenceData.Instance.States.All.Take(count)];

    /// <summary>Half the states send xlsx, half csv; each round's counts differ, so each upload is new.</summary>
    private static (byte[] Bytes, string ContentType, string Format) Return(string country, int index, int round, int count)
    {
        var rows = ReturnContent.Rows(country, Year, count, seed: round + 1);
        return index % 2 == 0
            ? (XlsxReturnFile.Bytes(country, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
            : (CsvReturnFile.Bytes(rows), "text/csv", "csv");
    }

    /// <summary>Uploads one return, then polls its status until it is final; it must end accepted with every row kept.</summary>
    private static async Task<UploadTiming> UploadAndAwaitAsync(HttpClient client, string key, string country, (byte[] Bytes, string ContentType, string Format) file, int rows)
    {
        var sent = DateTimeOffset.UtcNow;
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/submissions?year={Year}") { Content = new ByteArrayContent(file.Bytes) };
        upload.Content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
        upload.Headers.Add("X-Api-Key", key);
        using var answer = await client.SendAsync(upload);
        var queued = DateTimeOffset.UtcNow;
        if (answer.StatusCode != HttpStatusCode.Accepted)
            throw new InvalidDataException($"The upload of {country} answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        string id;
        using (var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()))
            id = body.RootElement.GetProperty("id").GetString()!;

        var deadline = DateTimeOffset.UtcNow + RoundLimit;
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(PollInterval);
            using var status = new HttpRequestMessage(HttpMethod.Get, $"/api/submissions/{id}");
            status.Headers.Add("X-Api-Key", key);
            using var response = await client.SendAsync(status);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var root = json.RootElement;
            var state = root.GetProperty("status").GetString();
            if (state is "queued" or "processing") continue;
            var observations = root.GetProperty("counts").GetProperty("observations").GetInt32();
            if (state != "accepted" || observations != rows)
                throw new InvalidDataException($"The submission {id} of {country} ended {state} with {observations} observations: {root}");
            var completed = root.GetProperty("completedAt").GetDateTimeOffset();
            return new UploadTiming(country, file.Format, sent, queued, completed);
        }
        throw new TimeoutException($"The submission {id} of {country} was not processed within {RoundLimit.TotalMinutes} minutes.");
    }

    /// <summary>Every state's current data for the year is exactly the rows it sent: nothing lost, nothing mixed.</summary>
    private async Task CheckNoneLostAsync(HttpClient client, IReadOnlyDictionary<string, string> keys)
    {
        foreach (var (country, key) in keys)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/observations?country={country}&year={Year.ToString(CultureInfo.InvariantCulture)}");
            request.Headers.Add("X-Api-Key", key);
            using var response = await client.SendAsync(request);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var stored = json.RootElement.GetProperty("observations").GetArrayLength();
            if (stored != settings.EndToEndRows)
                throw new InvalidDataException($"{country} has {stored} observations stored for {Year}, not {settings.EndToEndRows}.");
        }
    }
}

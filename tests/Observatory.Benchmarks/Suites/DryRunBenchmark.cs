using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Observatory.Benchmarks.Data;
using Observatory.Benchmarks.Measurement;
using Observatory.Core.Domain;
using Observatory.Core.Ports;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace Observatory.Benchmarks.Suites;

/// <summary>The dry runs of one file: its answer and the time of each request, client to client.</summary>
/// <param name="File">The file, as the report names it.</param>
/// <param name="Country">The state it was checked for.</param>
/// <param name="Rows">The rows the dry run read.</param>
/// <param name="Size">The file's size in bytes.</param>
/// <param name="Verdict">valid or invalid.</param>
/// <param name="Errors">The errors it found.</param>
/// <param name="Milliseconds">Each timed request, from sending the file to the last byte of the answer.</param>
/// <param name="ReadsPerRun">Storage requests of one dry run (all reads).</param>
/// <param name="Writes">Storage writes during all the dry runs of the file: must be none.</param>
/// <param name="ValidateMs">The median time of reading and validating the same bytes in the benchmark's own process, with no HTTP and no storage.</param>
/// <param name="LastYearMs">The median time of reading the state's data of the year before through the store, in the benchmark's own process.</param>
public sealed record DryRunTiming(string File, string Country, int Rows, long Size, string Verdict, int Errors,
    IReadOnlyList<double> Milliseconds, double ReadsPerRun, long Writes, double ValidateMs, double LastYearMs)
{
    /// <summary>The median time.</summary>
    public double MedianMs => Statistics.Median(Milliseconds);

    /// <summary>The 95th percentile.</summary>
    public double P95Ms => Statistics.Percentile(Milliseconds, 0.95);

    /// <summary>The slowest.</summary>
    public double MaxMs => Milliseconds.Max();
}

/// <summary>
/// Benchmark 6: checking a file without sending it. Each sample return in samples/ and a generated return of 2,000 rows
/// (xlsx and csv, with last year's 2,000 values stored, so the comparisons with last year run) sent to
/// POST /api/validations through the local host (Kestrel, the Function App's HTTP function, Azurite), one request at a
/// time; each answer is checked (the verdict the file must get) and every storage request is counted: a dry run writes
/// nothing, and the run fails if one does.
/// </summary>
public sealed class DryRunBenchmark(BenchmarkSettings settings, TextWriter log)
{
    /// <summary>The target: the median dry run of each file answered within this many milliseconds.</summary>
    public const double TargetMs = 300;

    /// <summary>Rows of the generated return.</summary>
    public const int GeneratedRows = 2_000;

    private const int Year = 2019;

    /// <summary>Starts the local host, times the dry runs, stops it.</summary>
    public async Task<IReadOnlyList<DryRunTiming>> RunAsync()
    {
        var requests = new StorageRequests();
        var state = Directory.CreateDirectory(Path.Combine(settings.WorkDirectory, "localhost-dry-run")).FullName;
        var app = BenchmarkLocalHost.Build(settings, requests, state);
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(2) };
            var files = new List<(string Name, string Country, string Query, byte[] Bytes, string ContentType, string Verdict, int Rows)>();
            foreach (var (name, country, verdict) in Samples)
                files.Add((name, country, "year=2025", await File.ReadAllBytesAsync(Path.Combine(SamplesDirectory(), name)), ContentTypeOf(name), verdict, 0));

            // The generated return, and last year's accepted version of it: the dry run compares every value with it.
            const string generatedCountry = "ARG";
            var key = await BenchmarkLocalHost.IssueKeyAsync(client, generatedCountry);
            var lastYear = ReturnContent.Rows(generatedCountry, Year - 1, GeneratedRows, seed: 7).ToList();
            await SubmitAndAwaitAsync(client, key, $"year={Year - 1}", XlsxReturnFile.Bytes(generatedCountry, lastYear), XlsxType);
            var rows = ReturnContent.Rows(generatedCountry, Year, GeneratedRows, seed: 8).ToList();
            files.Add(($"generated, {GeneratedRows:N0} rows (xlsx)", generatedCountry, $"year={Year}", XlsxReturnFile.Bytes(generatedCountry, rows), XlsxType, "valid", GeneratedRows));
            files.Add(($"generated, {GeneratedRows:N0} rows (csv)", generatedCountry, $"year={Year}", CsvReturnFile.Bytes(rows), "text/csv", "valid", GeneratedRows));

            var keys = new Dictionary<string, string>(StringComparer.Ordinal) { [generatedCountry] = key };
            foreach (var country in files.Select(f => f.Country).Distinct().Where(c => !keys.ContainsKey(c)))
                keys[country] = await BenchmarkLocalHost.IssueKeyAsync(client, country);

            // The same services in this process, to time the two parts of a dry run apart: the file's reading and
            // validation, and the read of last year's data.
            await using var services = await BenchmarkServices.CreateAsync(settings.StorageConnectionString, new StorageRequests());
            var (warmUp, runs) = settings.Full ? (5, 30) : (1, 3);
            var results = new List<DryRunTiming>();
            foreach (var file in files)
            {
                for (var i = 0; i < warmUp; i++) await CheckAsync(client, keys[file.Country], file.Query, file.Bytes, file.ContentType);
                requests.Reset();
                var times = new List<double>();
                JsonElement answer = default;
                for (var i = 0; i < runs; i++)
                {
                    var clock = Stopwatch.StartNew();
                    answer = await CheckAsync(client, keys[file.Country], file.Query, file.Bytes, file.ContentType);
                    times.Add(clock.Elapsed.TotalMilliseconds);
                }
                var verdict = answer.GetProperty("status").GetString()!;
                var counts = answer.GetProperty("counts");
                var read = counts.GetProperty("rows").GetInt32();
                if (verdict != file.Verdict || (file.Rows > 0 && read != file.Rows))
                    throw new InvalidDataException($"The dry run of {file.Name} answered {verdict} with {read} rows: {answer}");
                var (validateMs, lastYearMs) = await TimePartsAsync(services, file.Country, int.Parse(file.Query[(file.Query.IndexOf('=') + 1)..], CultureInfo.InvariantCulture),
                    file.Bytes, ContentFormat(file.ContentType), warmUp, runs);
                var ours = requests.ByKind.Where(k => !IsHostBackground(k.Key)).ToList();
                var writes = ours.Where(k => k.Key.Split(' ')[1] is "PUT" or "POST" or "MERGE" or "DELETE" or "PATCH").Sum(k => k.Value);
                if (writes != 0)
                    throw new InvalidDataException($"The dry runs of {file.Name} wrote to storage: {string.Join(", ", ours.Select(k => $"{k.Key} × {k.Value}"))}");
                var timing = new DryRunTiming(file.Name, file.Country, read, file.Bytes.Length, verdict, counts.GetProperty("errors").GetInt32(),
                    times, ours.Sum(k => k.Value) / (double)runs, writes, validateMs, lastYearMs);
                results.Add(timing);
                log.WriteLine($"dry run, {file.Name}: {verdict}, {read:N0} rows; median {timing.MedianMs:F0} ms, p95 {timing.P95Ms:F0} ms, max {timing.MaxMs:F0} ms " +
                    $"over {runs} runs; {timing.ReadsPerRun:F1} storage reads and no write per dry run; " +
                    $"in process: read + validate {validateMs:F0} ms, last year's data {lastYearMs:F0} ms");
            }
            return results;
        }
        finally
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await app.StopAsync(timeout.Token);
            await app.DisposeAsync();
        }
    }

    /// <summary>The median times, in this process, of reading and validating the bytes and of reading last year's data.</summary>
    private static async Task<(double Validate, double LastYear)> TimePartsAsync(IServiceProvider services, string country, int year, byte[] bytes,
        ReturnFormat format, int warmUp, int runs)
    {
        var referenceData = services.GetRequiredService<ReferenceDataSet>();
        var validator = services.GetRequiredService<ReturnValidator>();
        var store = services.GetRequiredService<IObservationStore>();
        var state = referenceData.States.FindByIso3(country)!;
        var validate = new List<double>();
        var lastYear = new List<double>();
        for (var i = 0; i < warmUp + runs; i++)
        {
            var clock = Stopwatch.StartNew();
            var previous = await store.ReadCurrentAsync(country, year - 1, null, CancellationToken.None);
            var read = clock.Elapsed.TotalMilliseconds;
            var context = new ValidationContext(state, year, previous?.Observations.ToDictionary(o => o.Key) ?? new Dictionary<string, Observation>());
            clock.Restart();
            using (var parsed = ReturnReader.Open(new MemoryStream(bytes, writable: false), format, "return", referenceData, validator.Limits))
                validator.Validate(parsed, context);
            if (i < warmUp) continue;
            validate.Add(clock.Elapsed.TotalMilliseconds);
            lastYear.Add(read);
        }
        return (Statistics.Median(validate), Statistics.Median(lastYear));
    }

    private static ReturnFormat ContentFormat(string contentType) => contentType switch
    {
        XlsxType => ReturnFormat.Xlsx,
        "text/csv" => ReturnFormat.Csv,
        _ => ReturnFormat.Json,
    };

    /// <summary>
    /// Requests the local host sends on its own while the dry runs go on, whatever they do: the queue triggers' polling,
    /// and its stand-in for Event Grid, which lists the uploads container and creates it and its queue again every
    /// second (in Azure, Event Grid does this). The dry run touches neither queues nor that container.
    /// </summary>
    private static bool IsHostBackground(string kind) =>
        kind.StartsWith("queue ", StringComparison.Ordinal) || kind == "blob PUT uploads" || kind == "blob GET uploads";

    /// <summary>The sample returns of samples/ with their state and the verdict each must get (samples/README.md).</summary>
    private static readonly (string File, string Country, string Verdict)[] Samples =
    [
        ("mexico-2025-es.xlsx", "MEX", "valid"),
        ("mexico-2025-es-errores.xlsx", "MEX", "invalid"),
        ("brasil-2025-pt.csv", "BRA", "valid"),
        ("haiti-2025-fr.xlsx", "HTI", "valid"),
    ];

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".xlsx" => XlsxType,
        ".csv" => "text/csv",
        _ => "application/json",
    };

    private static string SamplesDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln"))) return Path.Combine(directory.FullName, "samples");
        throw new InvalidOperationException("Pipeline.sln was not found above the benchmark's folder, so samples/ cannot be found.");
    }

    private static async Task<JsonElement> CheckAsync(HttpClient client, string key, string query, byte[] bytes, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/validations?{query}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Api-Key", key);
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidDataException($"The dry run answered {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    private static async Task SubmitAndAwaitAsync(HttpClient client, string key, string query, byte[] bytes, string contentType)
    {
        using var upload = new HttpRequestMessage(HttpMethod.Post, $"/api/submissions?{query}") { Content = new ByteArrayContent(bytes) };
        upload.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        upload.Headers.Add("X-Api-Key", key);
        using var answer = await client.SendAsync(upload);
        if (answer.StatusCode is not (HttpStatusCode.Accepted or HttpStatusCode.OK))
            throw new InvalidDataException($"The upload of last year's return answered {(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}");
        string id;
        using (var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()))
            id = body.RootElement.GetProperty("id").GetString()!;
        var deadline = DateTimeOffset.UtcNow.AddMinutes(5);
        while (DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250));
            using var status = new HttpRequestMessage(HttpMethod.Get, $"/api/submissions/{id}");
            status.Headers.Add("X-Api-Key", key);
            using var response = await client.SendAsync(status);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            var current = json.RootElement.GetProperty("status").GetString();
            if (current is "queued" or "processing") continue;
            if (current != "accepted") throw new InvalidDataException($"Last year's return ended {current}: {json.RootElement}");
            return;
        }
        throw new TimeoutException("Last year's return was not processed within 5 minutes.");
    }

    /// <summary>The row of the targets table.</summary>
    public static string TargetRow(IReadOnlyList<DryRunTiming> results)
    {
        var slowest = results.MaxBy(r => r.MedianMs)!;
        var met = results.All(r => r.MedianMs < TargetMs) && results.All(r => r.Writes == 0);
        return $"| 6. dry run of each sample and of a {GeneratedRows:N0}-row return | median < {TargetMs:F0} ms each, nothing written | " +
            $"{slowest.MedianMs:F0} ms at most ({slowest.File}); 0 writes | {(met ? "yes" : "**no**")} |";
    }

    /// <summary>The section "6. Checking a file without sending it" of docs/benchmarks.md.</summary>
    public static string Section(IReadOnlyList<DryRunTiming> results)
    {
        var md = new StringBuilder()
            .AppendLine("## 6. Checking a file without sending it (dry run)")
            .AppendLine()
            .AppendLine("`POST /api/validations` through the local host (Kestrel, the Function App's HTTP function, Azurite), one request")
            .AppendLine("at a time, as the portal's \"Check the file\" sends it: each sample return of `samples/`, and a generated return of")
            .AppendLine($"{GeneratedRows:N0} rows (in xlsx and in csv) whose state has last year's {GeneratedRows:N0} values stored, so every value is")
            .AppendLine("compared with last year's. The time is the client's, from sending the file to the last byte of the answer (the JSON")
            .AppendLine("report); each file was checked a few times first, off the clock. Every storage request of the host's SDK clients was")
            .AppendLine("counted, less what the host sends on its own meanwhile (its queue triggers' polling and its stand-in for Event Grid on")
            .AppendLine("the `uploads` container): a dry run reads the key, the state-year's lock and last year's data, and writes nothing; the")
            .AppendLine("run fails if it writes. (`DryRunTests` in the integration tests counts every request with no host around.)")
            .AppendLine()
            .AppendLine("The last two columns time the two parts of a dry run apart, in the benchmark's own process and the same minutes:")
            .AppendLine("reading and validating the same bytes (`ReturnReader` and `ReturnValidator`, no HTTP, no storage), and reading the")
            .AppendLine("state's data of the year before through the store (none for the samples' year).")
            .AppendLine()
            .AppendLine("| file | state | rows | size | verdict | errors | median | p95 | slowest | storage reads per dry run | writes | read + validate | last year's data |")
            .AppendLine("| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.File} | {r.Country} | {r.Rows:N0} | {r.Size / 1024.0:F1} KB | {r.Verdict} | {r.Errors} | **{r.MedianMs:F0} ms** | {r.P95Ms:F0} ms | {r.MaxMs:F0} ms | {r.ReadsPerRun:F1} | {r.Writes} | {r.ValidateMs:F0} ms | {r.LastYearMs:F0} ms |"));
        md.AppendLine()
            .AppendLine($"Runs: {results[0].Milliseconds.Count} of each file. The target is a median under {TargetMs:F0} ms for every file.")
            .AppendLine();
        return md.ToString();
    }
}

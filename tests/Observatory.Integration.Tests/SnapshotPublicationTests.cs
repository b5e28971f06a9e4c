using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Core.Ports;
using Observatory.Functions.Admin;
using Observatory.Functions.OpenData;
using Observatory.Functions.Snapshots;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests;

[Collection(PublicationCollection.Name)]
public sealed class SnapshotPublicationTests(PublicationPipeline publication)
{
    private PipelineHarness Pipeline => publication.Pipeline;

    // A year of its own, so the other tests' data does not enter this snapshot.
    private const int Year = 2021;
    private const int Threshold = 5;
    private static readonly string[] DataFiles = ["observations.csv", "observations.parquet", "observations.json", "observations.xlsx", "observations.sdmx.csv", "indicators.csv", "codelists.csv", "coverage.csv"];

    [Fact]
    public async Task A_compiled_snapshot_publishes_every_file_checked_suppressed_and_reproducible()
    {
        foreach (var (country, file, type) in new[] { ("MEX", "mexico-2025-es.xlsx", ReturnFiles.XlsxType), ("BRA", "brasil-2025-pt.csv", "text/csv"), ("HTI", "haiti-2025-fr.xlsx", ReturnFiles.XlsxType) })
        {
            var (_, key) = await Pipeline.IssueKeyAsync(country);
            Assert.Equal(202, (await Pipeline.UploadAsync(key, $"year={Year}", await File.ReadAllBytesAsync(RepositoryFiles.PathOf("samples/" + file)), type)).Status);
        }
        await Pipeline.ProcessAllAsync();

        var first = await CompileAsync();
        Assert.Equal(201, first.Status);
        var firstVersion = first.Json.GetProperty("version").GetString()!;
        var firstFiles = await DownloadAllAsync(first.Json);

        // Checksums: SHA256SUMS and the listing agree with the bytes served.
        var sums = System.Text.Encoding.UTF8.GetString(firstFiles["SHA256SUMS"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(firstFiles.Count - 1, sums.Length);
        foreach (var line in sums)
        {
            var (hash, name) = (line[..64], line[66..]);
            Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(firstFiles[name])));
        }
        foreach (var file in first.Json.GetProperty("files").EnumerateArray())
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(firstFiles[file.GetProperty("name").GetString()!])));

        // datapackage.json describes every other file.
        using var package = JsonDocument.Parse(firstFiles["datapackage.json"]);
        var described = package.RootElement.GetProperty("resources").EnumerateArray().Select(r => r.GetProperty("path").GetString()).ToHashSet();
        Assert.All(firstFiles.Keys.Where(n => n != "datapackage.json"), name => Assert.Contains(name, described));
        Assert.Equal("CC-BY-4.0", package.RootElement.GetProperty("licenses")[0].GetProperty("name").GetString());

        // Rows match the stored data, apart from suppressed cells, which carry no value.
        var published = CsvText.Records(firstFiles["observations.csv"]);
        var observations = Pipeline.Services.GetRequiredService<IObservationStore>();
        var suppressed = 0;
        foreach (var country in new[] { "BRA", "HTI", "MEX" })
        {
            var stored = (await observations.ReadCurrentAsync(country, Year, null, CancellationToken.None))!.Observations;
            var rows = published.Where(r => r["country"] == country && r["indicator"] != "CT_VICT_DET_RATE").ToList();
            Assert.Equal(stored.Count, rows.Count);
            foreach (var observation in stored)
            {
                var row = Assert.Single(rows, r => r["indicator"] == observation.Indicator && observation.Dimensions.All(d => r[d.Key] == d.Value));
                if (row["flag"] == "suppressed")
                {
                    suppressed++;
                    Assert.Equal("", row["value"]);
                    Assert.True(observation.Value.Number > 0, "only non-zero counts are withheld");
                }
                else if (observation.Value.Number is { } number) Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), row["value"]);
                else Assert.Equal(observation.Value.Code, row["value_code"]);
            }
            // No published count of child victims lies between 1 and the threshold.
            Assert.DoesNotContain(rows, r => r["unit"] == "NUMBER" && r["indicator"].StartsWith("CT_VICT", StringComparison.Ordinal) &&
                long.TryParse(r["value"], out var v) && v is >= 1 and < Threshold);
        }
        Assert.True(suppressed > 0, "Haiti's small counts must be suppressed");

        // Compiling again: a second version with byte-identical data files; the first is unchanged.
        var second = await CompileAsync();
        var secondVersion = second.Json.GetProperty("version").GetString()!;
        Assert.NotEqual(firstVersion, secondVersion);
        var secondFiles = await DownloadAllAsync(second.Json);
        Assert.All(DataFiles, name => Assert.Equal(firstFiles[name], secondFiles[name]));
        // The second version says what changed against the first, read back from the store: nothing.
        Assert.DoesNotContain("changes.csv", firstFiles.Keys);
        var changes = System.Text.Encoding.UTF8.GetString(secondFiles["changes.csv"]).TrimStart('\uFEFF');
        Assert.StartsWith("country,year,indicator,", changes, StringComparison.Ordinal);
        Assert.Single(changes.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"Against version {firstVersion} of {Year}: 0 cells added, 0 removed, 0 changed",
            System.Text.Encoding.UTF8.GetString(secondFiles["README.md"]), StringComparison.Ordinal);
        var firstAgain = await DownloadAllAsync(first.Json);
        Assert.All(firstFiles.Keys, name => Assert.Equal(firstFiles[name], firstAgain[name]));

        // The listing shows both, the second as latest, and "latest" serves it.
        var listing = await Pipeline.InvokeAsync(Pipeline.Request("GET", "/api/opendata"), r => Pipeline.Function<ListOpenData>().Run(r, CancellationToken.None));
        var versions = listing.Json.GetProperty("snapshots").EnumerateArray().Where(s => s.GetProperty("year").GetInt32() == Year).ToList();
        Assert.Equal(secondVersion, versions[0].GetProperty("version").GetString());
        Assert.True(versions[0].GetProperty("latest").GetBoolean());
        Assert.False(Assert.Single(versions, s => s.GetProperty("version").GetString() == firstVersion).GetProperty("latest").GetBoolean());
        var latest = await GetFileAsync("latest", "observations.csv");
        Assert.Equal(secondFiles["observations.csv"], latest.Body);
    }

    [Fact]
    public async Task Files_are_served_with_content_type_etag_cache_headers_and_ranges()
    {
        await EnsurePublishedAsync();
        var full = await GetFileAsync("latest", "observations.csv");
        Assert.Equal(200, full.Status);
        Assert.StartsWith("text/csv", full.ContentType);
        Assert.False(string.IsNullOrEmpty(full.Headers.ETag.ToString()));
        Assert.Contains("max-age", full.Headers.CacheControl.ToString());

        var range = await GetFileAsync("latest", "observations.csv", request => request.Headers.Range = "bytes=0-9");
        Assert.Equal(206, range.Status);
        Assert.Equal(full.Body[..10], range.Body);

        var notModified = await GetFileAsync("latest", "observations.csv", request => request.Headers.IfNoneMatch = full.Headers.ETag.ToString());
        Assert.Equal(304, notModified.Status);

        var missing = await GetFileAsync("latest", "secrets.txt");
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task The_timer_compiles_the_previous_reporting_year_and_coverage_shows_who_reported()
    {
        // The timer's year is the one before the current; the function class runs as the host would call it.
        await Pipeline.Function<CompileScheduledSnapshot>().Run(new TimerInfo(), CancellationToken.None);
        var listing = await Pipeline.InvokeAsync(Pipeline.Request("GET", "/api/opendata"), r => Pipeline.Function<ListOpenData>().Run(r, CancellationToken.None));
        Assert.Contains(listing.Json.GetProperty("snapshots").EnumerateArray(), s => s.GetProperty("year").GetInt32() == DateTime.UtcNow.Year - 1);

        const int coverageYear = 2020;
        var (_, key) = await Pipeline.IssueKeyAsync("MEX");
        await Pipeline.UploadAsync(key, $"year={coverageYear}", await File.ReadAllBytesAsync(RepositoryFiles.PathOf("samples/mexico-2025-es.xlsx")), ReturnFiles.XlsxType);
        await Pipeline.ProcessAllAsync();
        var coverage = await Pipeline.InvokeAsync(Pipeline.Request("GET", "/api/admin/coverage", $"year={coverageYear}", Pipeline.AdminKey),
            r => Pipeline.Function<GetCoverage>().Run(r, CancellationToken.None));
        Assert.Equal(200, coverage.Status);
        var states = coverage.Json.GetProperty("states").EnumerateArray().ToDictionary(s => s.GetProperty("country").GetString()!);
        Assert.Equal(35, states.Count);
        Assert.True(states["MEX"].GetProperty("reported").GetBoolean());
        Assert.Contains("CT_VICT_DET", states["MEX"].GetProperty("indicators").EnumerateArray().Select(i => i.GetString()));
        Assert.False(states["ARG"].GetProperty("reported").GetBoolean());
        Assert.False(states["CUB"].GetProperty("participating").GetBoolean());
    }

    [Fact]
    public async Task Only_one_compile_of_a_year_runs_at_a_time()
    {
        // Another instance holds the year's compile lease: this request is refused, not run twice.
        var leases = Pipeline.Services.GetRequiredService<IExclusiveLease>();
        await using (var held = await leases.TryAcquireAsync($"snapshot-{Year}", TimeSpan.FromMinutes(1), CancellationToken.None))
        {
            Assert.NotNull(held);
            var refused = await CompileAsync();
            Assert.Equal(409, refused.Status);
        }
        Assert.Equal(201, (await CompileAsync()).Status);
    }

    private Task<ApiResponse> CompileAsync() =>
        Pipeline.InvokeAsync(Pipeline.Request("POST", $"/api/snapshots/{Year}", key: Pipeline.AdminKey),
            r => Pipeline.Function<CompileSnapshot>().Run(r, Year.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));

    private async Task EnsurePublishedAsync()
    {
        if ((await GetFileAsync("latest", "SHA256SUMS")).Status == 404)
            Assert.Equal(201, (await CompileAsync()).Status);
    }

    private Task<ApiResponse> GetFileAsync(string version, string file, Action<Microsoft.AspNetCore.Http.HttpRequest>? configure = null)
    {
        var request = Pipeline.Request("GET", $"/api/opendata/{Year}/{version}/{file}");
        configure?.Invoke(request);
        return Pipeline.InvokeAsync(request, r => Pipeline.Function<GetOpenDataFile>().Run(r, Year, version, file, CancellationToken.None));
    }

    private async Task<Dictionary<string, byte[]>> DownloadAllAsync(JsonElement manifest)
    {
        var version = manifest.GetProperty("version").GetString()!;
        var files = new Dictionary<string, byte[]>();
        foreach (var file in manifest.GetProperty("files").EnumerateArray())
        {
            var name = file.GetProperty("name").GetString()!;
            var response = await GetFileAsync(version, name);
            Assert.Equal(200, response.Status);
            Assert.Equal(file.GetProperty("size").GetInt64(), response.Body.LongLength);
            files[name] = response.Body;
        }
        return files;
    }
}

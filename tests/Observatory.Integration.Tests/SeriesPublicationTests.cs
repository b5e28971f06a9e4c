using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Core.Ports;
using Observatory.Functions.OpenData;
using Observatory.Functions.Snapshots;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests;

/// <summary>
/// The time series across years, through the real stores on Azurite: every compile of a year publishes it from the
/// published annual files, it equals the union of each year's latest version, withholds what the years withhold, and
/// a compile of unchanged data publishes no new version of it.
/// </summary>
[Collection(PublicationCollection.Name)]
public sealed class SeriesPublicationTests(PublicationPipeline publication)
{
    private PipelineHarness Pipeline => publication.Pipeline;

    // Years no other test of the collection uses (an upload of the same bytes for the same state and year would be
    // answered with the earlier submission); the series also spans the years the other tests of the publication collection publish.
    private const int FirstYear = 2012;
    private const int SecondYear = 2013;
    private const string VersionColumn = "snapshot_version";
    private static readonly string[] Key = ["country", "year", "indicator", "SEX", "AGE", "EXPLOITATION", "CITIZENSHIP", "ACCOMPANIMENT", "OFFENCE"];

    [Fact]
    public async Task The_series_spans_the_published_years_equals_their_latest_versions_and_republishes_nothing_for_unchanged_data()
    {
        await EnsurePublishedAsync();

        var series = await LatestSeriesAsync();
        var files = await DownloadAllAsync(series);
        var years = series.GetProperty("years").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32(), y => y.GetProperty("snapshotVersion").GetString()!);
        Assert.Contains(FirstYear, years.Keys);
        Assert.Contains(SecondYear, years.Keys);

        // Every published year is in the series, with its latest version (or the first one that published the same rows).
        var annual = (await Pipeline.Services.GetRequiredService<ISnapshotStore>().ListAsync(CancellationToken.None)).ToList();
        Assert.Equal(annual.Select(s => s.Manifest.Year).Distinct().Order(), years.Keys.Order());
        foreach (var (year, version) in years)
        {
            var latest = annual.Single(s => s.Manifest.Year == year && s.Latest).Manifest;
            var source = annual.Single(s => s.Manifest.Year == year && s.Manifest.Version == version).Manifest;
            Assert.Equal(latest.Find("observations.json")!.Sha256, source.Find("observations.json")!.Sha256);
        }

        // The series is the union of each year's rows as its version published them, row for row, values and flags.
        var rows = CsvText.Records(files["observations.csv"]);
        foreach (var (year, version) in years)
        {
            var published = CsvText.Records((await GetAnnualAsync(year, version, "observations.csv")).Body);
            var ofYear = rows.Where(r => r["year"] == year.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(published.Count, ofYear.Count);
            for (var i = 0; i < published.Count; i++)
            {
                Assert.Equal(version, ofYear[i][VersionColumn]);
                Assert.Equal(published[i], ofYear[i].Where(c => c.Key != VersionColumn).ToDictionary());
            }
        }
        Assert.Equal(rows.Count, years.Keys.Sum(y => rows.Count(r => r["year"] == y.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        // The other formats hold as many rows; the listing, SHA256SUMS and the bytes agree.
        using (var json = JsonDocument.Parse(files["observations.json"]))
            Assert.Equal(rows.Count, json.RootElement.GetArrayLength());
        Assert.Equal(rows.Count, series.GetProperty("statistics").GetProperty("rows").GetInt64());
        var sums = Encoding.ASCII.GetString(files["SHA256SUMS"]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(files.Count - 1, sums.Length);
        foreach (var line in sums)
            Assert.Equal(line[..64], Convert.ToHexStringLower(SHA256.HashData(files[line[66..]])));

        // Recompiling unchanged data publishes a new annual version but no new version of the series.
        var before = await ListSeriesAsync();
        Assert.Equal(201, (await CompileAsync(SecondYear)).Status);
        var after = await ListSeriesAsync();
        Assert.Equal(before.Select(s => s.GetProperty("version").GetString()), after.Select(s => s.GetProperty("version").GetString()));
        Assert.Equal(series.GetProperty("version").GetString(), (await LatestSeriesAsync()).GetProperty("version").GetString());
        Assert.Equal(years[SecondYear], (await LatestSeriesAsync()).GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == SecondYear).GetProperty("snapshotVersion").GetString());

        // New data in a year: a new series version; the earlier one is still served as it was.
        await UploadAsync(SecondYear, ("BRA", "brasil-2025-pt.csv", "text/csv"));
        Assert.Equal(201, (await CompileAsync(SecondYear)).Status);
        var next = await LatestSeriesAsync();
        Assert.NotEqual(series.GetProperty("version").GetString(), next.GetProperty("version").GetString());
        Assert.Contains(CsvText.Records((await GetSeriesFileAsync("latest", "observations.csv")).Body), r => r["year"] == SecondYear.ToString(System.Globalization.CultureInfo.InvariantCulture) && r["country"] == "BRA");
        var old = await GetSeriesFileAsync(series.GetProperty("version").GetString()!, "observations.csv");
        Assert.Equal(files["observations.csv"], old.Body);
        Assert.Equal("public, max-age=31536000, immutable", old.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task No_cell_withheld_in_any_version_of_a_year_appears_in_the_series()
    {
        await EnsurePublishedAsync();
        var rows = CsvText.Records((await GetSeriesFileAsync("latest", "observations.csv")).Body)
            .ToDictionary(r => string.Join('|', Key.Select(k => r[k])));
        var withheld = 0;
        foreach (var snapshot in (await Pipeline.Services.GetRequiredService<ISnapshotStore>().ListAsync(CancellationToken.None))
                     .Where(s => s.Manifest.Year is FirstYear or SecondYear))
        {
            var published = CsvText.Records((await GetAnnualAsync(snapshot.Manifest.Year, snapshot.Manifest.Version, "observations.csv")).Body);
            foreach (var cell in published.Where(r => r["flag"] == "suppressed"))
            {
                withheld++;
                if (!rows.TryGetValue(string.Join('|', Key.Select(k => cell[k])), out var row)) continue;
                Assert.Equal(("suppressed", "", ""), (row["flag"], row["value"], row["note"]));
            }
        }
        Assert.True(withheld > 0, "Haiti's small counts must be withheld in both years");
    }

    [Fact]
    public async Task Series_files_are_served_with_checksums_cache_headers_and_not_found_for_unknown_names()
    {
        await EnsurePublishedAsync();
        var latest = await GetSeriesFileAsync("latest", "datapackage.json");
        Assert.Equal(200, latest.Status);
        Assert.Equal("public, max-age=300", latest.Headers.CacheControl.ToString());
        Assert.StartsWith("/api/opendata/series/", latest.Headers["Content-Location"].ToString());
        using (var package = JsonDocument.Parse(latest.Body))
            Assert.Contains("publishes no value, cell or note that the annual version did not", package.RootElement.GetProperty("description").GetString());
        Assert.Equal(404, (await GetSeriesFileAsync("latest", "coverage.csv")).Status);
        Assert.Equal(404, (await GetSeriesFileAsync("20000101T000000Z", "observations.csv")).Status);
    }

    /// <summary>The sample returns of two years, uploaded and compiled once for the tests of this class (which run one at a time).</summary>
    private async Task EnsurePublishedAsync()
    {
        if (s_published) return;
        await UploadAsync(FirstYear, ("MEX", "mexico-2025-es.xlsx", ReturnFiles.XlsxType), ("BRA", "brasil-2025-pt.csv", "text/csv"), ("HTI", "haiti-2025-fr.xlsx", ReturnFiles.XlsxType));
        await UploadAsync(SecondYear, ("MEX", "mexico-2025-es.xlsx", ReturnFiles.XlsxType), ("HTI", "haiti-2025-fr.xlsx", ReturnFiles.XlsxType));
        Assert.Equal(201, (await CompileAsync(FirstYear)).Status);
        Assert.Equal(201, (await CompileAsync(SecondYear)).Status);
        s_published = true;
    }

    private static bool s_published;

    private async Task UploadAsync(int year, params (string Country, string File, string Type)[] returns)
    {
        foreach (var (country, file, type) in returns)
        {
            var (_, key) = await Pipeline.IssueKeyAsync(country);
            Assert.Equal(202, (await Pipeline.UploadAsync(key, $"year={year}", await File.ReadAllBytesAsync(RepositoryFiles.PathOf("samples/" + file)), type)).Status);
        }
        await Pipeline.ProcessAllAsync();
    }

    private Task<ApiResponse> CompileAsync(int year) =>
        Pipeline.InvokeAsync(Pipeline.Request("POST", $"/api/snapshots/{year}", key: Pipeline.AdminKey),
            r => Pipeline.Function<CompileSnapshot>().Run(r, year.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));

    private async Task<List<JsonElement>> ListSeriesAsync()
    {
        var listing = await Pipeline.InvokeAsync(Pipeline.Request("GET", "/api/opendata/series"), r => Pipeline.Function<ListOpenDataSeries>().Run(r, CancellationToken.None));
        Assert.Equal(200, listing.Status);
        return [.. listing.Json.GetProperty("series").EnumerateArray()];
    }

    private async Task<JsonElement> LatestSeriesAsync() => Assert.Single(await ListSeriesAsync(), s => s.GetProperty("latest").GetBoolean());

    private Task<ApiResponse> GetSeriesFileAsync(string version, string file) =>
        Pipeline.InvokeAsync(Pipeline.Request("GET", $"/api/opendata/series/{version}/{file}"),
            r => Pipeline.Function<GetOpenDataSeriesFile>().Run(r, version, file, CancellationToken.None));

    private Task<ApiResponse> GetAnnualAsync(int year, string version, string file) =>
        Pipeline.InvokeAsync(Pipeline.Request("GET", $"/api/opendata/{year}/{version}/{file}"),
            r => Pipeline.Function<GetOpenDataFile>().Run(r, year, version, file, CancellationToken.None));

    private async Task<Dictionary<string, byte[]>> DownloadAllAsync(JsonElement series)
    {
        var version = series.GetProperty("version").GetString()!;
        var files = new Dictionary<string, byte[]>();
        foreach (var file in series.GetProperty("files").EnumerateArray())
        {
            var name = file.GetProperty("name").GetString()!;
            var response = await GetSeriesFileAsync(version, name);
            Assert.Equal(200, response.Status);
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(response.Body)));
            files[name] = response.Body;
        }
        return files;
    }
}

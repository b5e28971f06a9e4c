using System.Text.Json;
using Observatory.Functions.Admin;
using Observatory.Functions.OpenData;
using Observatory.Functions.Snapshots;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Storage;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests;

/// <summary>
/// Disclosure control over the versions of a year, through the function classes on Azurite: a correction cannot be
/// combined with the version it corrects, and only staff see what was withheld and why.
/// </summary>
[Collection(PublicationCollection.Name)]
public sealed class DisclosureAcrossVersionsTests(PublicationPipeline publication)
{
    private PipelineHarness Pipeline => publication.Pipeline;

    // A year of its own, so that no other test's data enters these snapshots.
    private const int Year = 2016;
    private static readonly object?[] Header = ["Indicator", "Sex", "Value"];

    [Fact]
    public async Task A_cell_withheld_in_one_version_stays_withheld_in_the_next_and_the_staff_report_says_why()
    {
        var (_, key) = await Pipeline.IssueKeyAsync("PER");

        // Version 1: F 3, M 10, _T 13. F is small; M is withheld with it.
        await AcceptAsync(key, [Header, ["CT_VICT_CSE", "F", 3], ["CT_VICT_CSE", "M", 10], ["CT_VICT_CSE", null, 13]]);
        var first = await CompileAsync();
        Assert.Equal(201, first.Status);
        var firstRows = await PeruRowsAsync(first.Json);
        Assert.Equal(("", "suppressed"), firstRows["M"]);
        Assert.Equal(("13", ""), firstRows["_T"]);

        // A correction adds _U 2 and _T 15. Publishing M = 10 would give F = 13 − 10 from version 1.
        await AcceptAsync(key, [Header, ["CT_VICT_CSE", "F", 3], ["CT_VICT_CSE", "M", 10], ["CT_VICT_CSE", "_U", 2], ["CT_VICT_CSE", null, 15]]);
        var second = await CompileAsync();
        Assert.Equal(201, second.Status);
        var secondVersion = second.Json.GetProperty("version").GetString()!;
        var secondRows = await PeruRowsAsync(second.Json);
        Assert.Equal(("", "suppressed"), secondRows["F"]);
        Assert.Equal(("", "suppressed"), secondRows["M"]);
        Assert.Equal(("", "suppressed"), secondRows["_U"]);

        // Staff see each withheld cell with its reason and the audit of every small count, of both versions.
        var report = await ReportAsync(secondVersion, Pipeline.AdminKey, "country=PER");
        Assert.Equal(200, report.Status);
        Assert.Equal(5, report.Json.GetProperty("threshold").GetInt32());
        Assert.Contains(first.Json.GetProperty("version").GetString(), report.Json.GetProperty("earlierVersions").EnumerateArray().Select(v => v.GetString()));
        var table = Assert.Single(report.Json.GetProperty("tables").EnumerateArray());
        Assert.Equal("CT_VICT_CSE", table.GetProperty("indicator").GetString());
        var reasons = table.GetProperty("withheld").EnumerateArray().ToDictionary(w => w.GetProperty("cell").GetString()!, w => w.GetProperty("reason").GetString());
        Assert.Equal("primary", reasons["CT_VICT_CSE|SEX=F|AGE=_T"]);
        Assert.Equal("primary", reasons["CT_VICT_CSE|SEX=_U|AGE=_T"]);
        Assert.Equal("carried", reasons["CT_VICT_CSE|SEX=M|AGE=_T"]);
        var audits = table.GetProperty("audits").EnumerateArray().ToList();
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.True(a.GetProperty("protected").GetBoolean() && a.GetProperty("valuesFound").GetInt32() >= 4, a.ToString()));
    }

    [Fact]
    public async Task A_version_without_a_disclosure_report_is_read_back_from_its_published_observations()
    {
        // As for a version published before reports were kept: the next compile learns what it withheld from the
        // public file itself.
        const int year = 2015;
        var (_, key) = await Pipeline.IssueKeyAsync("CHL");
        await AcceptAsync(key, [Header, ["CT_VICT_CSE", "F", 3], ["CT_VICT_CSE", "M", 10], ["CT_VICT_CSE", null, 13]], "CHL", year);
        var first = await CompileAsync(year);
        var firstVersion = first.Json.GetProperty("version").GetString()!;
        await Pipeline.Blobs.GetBlobContainerClient(StorageNames.ReportsContainer).DeleteBlobAsync($"disclosure/{year}/{firstVersion}.json");

        await AcceptAsync(key, [Header, ["CT_VICT_CSE", "F", 3], ["CT_VICT_CSE", "M", 10], ["CT_VICT_CSE", "_U", 2], ["CT_VICT_CSE", null, 15]], "CHL", year);
        var second = await CompileAsync(year);

        var report = await ReportAsync(second.Json.GetProperty("version").GetString()!, Pipeline.AdminKey, "country=CHL", year);
        var reasons = Assert.Single(report.Json.GetProperty("tables").EnumerateArray()).GetProperty("withheld").EnumerateArray()
            .ToDictionary(w => w.GetProperty("cell").GetString()!, w => w.GetProperty("reason").GetString());
        Assert.Equal("carried", reasons["CT_VICT_CSE|SEX=M|AGE=_T"]);
    }

    [Fact]
    public async Task Only_staff_can_read_what_disclosure_control_withheld()
    {
        var published = await CompileAsync();
        Assert.Equal(201, published.Status);
        var version = published.Json.GetProperty("version").GetString()!;
        var (_, key) = await Pipeline.IssueKeyAsync("PER");

        Assert.Equal(401, (await ReportAsync(version, key: null)).Status);
        Assert.Equal(403, (await ReportAsync(version, key)).Status);
        Assert.Equal(200, (await ReportAsync("latest", Pipeline.AdminKey)).Status);
        Assert.Equal(404, (await ReportAsync("20000101T000000Z", Pipeline.AdminKey)).Status);
        // The report is not one of the published files.
        Assert.DoesNotContain(published.Json.GetProperty("files").EnumerateArray(), f => f.GetProperty("name").GetString()!.Contains("disclosure", StringComparison.OrdinalIgnoreCase));
    }

    private async Task AcceptAsync(string key, object?[][] rows, string country = "PER", int year = Year)
    {
        var upload = await Pipeline.UploadAsync(key, $"country={country}&year={year}", ReturnFiles.Csv(rows), "text/csv");
        Assert.Equal(202, upload.Status);
        await Pipeline.ProcessAllAsync();
        var status = await Pipeline.GetSubmissionAsync(key, upload.Json.GetProperty("id").GetString()!);
        Assert.Equal("accepted", status.Json.GetProperty("status").GetString());
    }

    private Task<ApiResponse> CompileAsync(int year = Year) =>
        Pipeline.InvokeAsync(Pipeline.Request("POST", $"/api/snapshots/{year}", key: Pipeline.AdminKey),
            r => Pipeline.Function<CompileSnapshot>().Run(r, year.ToString(System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));

    private Task<ApiResponse> ReportAsync(string version, string? key, string? query = null, int year = Year) =>
        Pipeline.InvokeAsync(Pipeline.Request("GET", $"/api/admin/snapshots/{year}/{version}/disclosure", query, key),
            r => Pipeline.Function<GetDisclosureReport>().Run(r, year, version, CancellationToken.None));

    /// <summary>Peru's CT_VICT_CSE rows of a published version: SEX → (value, flag).</summary>
    private async Task<Dictionary<string, (string Value, string Flag)>> PeruRowsAsync(JsonElement manifest)
    {
        var version = manifest.GetProperty("version").GetString()!;
        var csv = await Pipeline.InvokeAsync(Pipeline.Request("GET", $"/api/opendata/{Year}/{version}/observations.csv"),
            r => Pipeline.Function<GetOpenDataFile>().Run(r, Year, version, "observations.csv", CancellationToken.None));
        return CsvText.Records(csv.Body).Where(r => r["country"] == "PER" && r["indicator"] == "CT_VICT_CSE")
            .ToDictionary(r => r["SEX"], r => (r["value"], r["flag"]));
    }
}

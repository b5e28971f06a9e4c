using Azure.Data.Tables;
using Observatory.Functions.Admin;
using Observatory.Functions.Observations;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Storage;

namespace Observatory.Integration.Tests;

[Collection(PipelineCollection.Name)]
public sealed class CredentialTests(PipelineHarness pipeline)
{
    [Fact]
    public async Task A_key_of_one_state_cannot_write_or_read_another_states_data()
    {
        var (_, colombia) = await pipeline.IssueKeyAsync("COL");
        var (_, ecuador) = await pipeline.IssueKeyAsync("ECU");
        var upload = await pipeline.UploadAsync(colombia, "country=COL&year=2023", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(country: "Colombia")), ReturnFiles.XlsxType);
        var id = upload.Json.GetProperty("id").GetString()!;
        await pipeline.ProcessAllAsync();

        var write = await pipeline.UploadAsync(ecuador, "country=COL&year=2023", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(1, 1, "Colombia")), ReturnFiles.XlsxType);
        var readSubmission = await pipeline.GetSubmissionAsync(ecuador, id);
        var readObservations = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/observations", "country=COL&year=2023", ecuador),
            r => pipeline.Function<GetObservations>().Run(r, CancellationToken.None));
        var list = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/submissions", "country=COL", ecuador),
            r => pipeline.Function<ListSubmissions>().Run(r, CancellationToken.None));

        Assert.All([write, readSubmission, readObservations, list], response =>
        {
            Assert.Equal(403, response.Status);
            Assert.StartsWith("application/problem+json", response.ContentType);
        });
        // Colombia's own key still reads its data.
        Assert.Equal(200, (await pipeline.GetSubmissionAsync(colombia, id)).Status);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var (keyId, key) = await pipeline.IssueKeyAsync("BOL");
        var before = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/submissions", "country=BOL", key),
            r => pipeline.Function<ListSubmissions>().Run(r, CancellationToken.None));
        Assert.Equal(200, before.Status);

        var revoke = await pipeline.InvokeAsync(pipeline.Request("DELETE", $"/api/admin/keys/{keyId}", key: pipeline.AdminKey),
            r => pipeline.Function<RevokeApiKey>().Run(r, keyId, CancellationToken.None));
        Assert.Equal(204, revoke.Status);

        var after = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/submissions", "country=BOL", key),
            r => pipeline.Function<ListSubmissions>().Run(r, CancellationToken.None));
        Assert.Equal(401, after.Status);
        Assert.StartsWith("application/problem+json", after.ContentType);
    }

    [Fact]
    public async Task Requests_without_a_key_or_with_an_unknown_one_get_401()
    {
        var none = await pipeline.UploadAsync(key: null!, "country=MEX&year=2024", [1, 2, 3], "text/csv");
        var forged = await pipeline.UploadAsync("obs_0123456789abcdef_notarealsecret", "country=MEX&year=2024", [1, 2, 3], "text/csv");
        Assert.Equal(401, none.Status);
        Assert.Equal(401, forged.Status);
    }

    [Fact]
    public async Task A_focal_point_cannot_use_admin_routes()
    {
        var (keyId, key) = await pipeline.IssueKeyAsync("PRY");
        var issue = await pipeline.InvokeAsync(pipeline.Request("POST", "/api/admin/keys", key: key, body: """{"country":"PRY"}"""u8.ToArray(), contentType: "application/json"),
            r => pipeline.Function<IssueApiKey>().Run(r, CancellationToken.None));
        var revoke = await pipeline.InvokeAsync(pipeline.Request("DELETE", $"/api/admin/keys/{keyId}", key: key),
            r => pipeline.Function<RevokeApiKey>().Run(r, keyId, CancellationToken.None));
        Assert.Equal(403, issue.Status);
        Assert.Equal(403, revoke.Status);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        var (keyId, key) = await pipeline.IssueKeyAsync("PAN");
        var entity = (await pipeline.Tables.GetTableClient(StorageNames.ApiKeysTable).GetEntityAsync<TableEntity>("key", keyId)).Value;
        var stored = string.Join('|', entity.Select(p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key[^20..], stored, StringComparison.Ordinal);
        Assert.Equal(Observatory.Core.Security.ApiKeySecret.Hash(key), entity.GetString("Hash"));
    }

    [Fact]
    public async Task Upload_refusals_are_problem_details_with_the_right_status()
    {
        var (_, key) = await pipeline.IssueKeyAsync("CRI");
        var pdf = await pipeline.UploadAsync(key, "year=2024", "%PDF-1.7 not a return"u8.ToArray(), "application/pdf");
        var noYear = await pipeline.UploadAsync(key, "country=CRI", ReturnFiles.Csv([["Indicator", "Value"], ["POL_HOTLINE", "YES"]]), "text/csv");
        var badLang = await pipeline.UploadAsync(key, "year=2024&lang=de", ReturnFiles.Csv([["Indicator", "Value"], ["POL_HOTLINE", "YES"]]), "text/csv");
        var cuba = await pipeline.UploadAsync(pipeline.AdminKey, "country=CUB&year=2024", ReturnFiles.Csv([["Indicator", "Value"], ["POL_HOTLINE", "YES"]]), "text/csv");

        Assert.Equal(415, pdf.Status);
        Assert.Equal(400, noYear.Status);
        Assert.Equal(400, badLang.Status);
        Assert.Equal(400, cuba.Status);
        Assert.All([pdf, noYear, badLang, cuba], r => Assert.False(string.IsNullOrWhiteSpace(r.Json.GetProperty("detail").GetString())));
    }
}

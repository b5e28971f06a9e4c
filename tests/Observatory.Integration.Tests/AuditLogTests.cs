using System.Text.Json;
using Observatory.Functions.Admin;
using Observatory.Functions.Snapshots;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

/// <summary>The audit log: each state-changing action appends one entry, staff read it with filters and pages, nobody else reads it.</summary>
[Collection(PipelineCollection.Name)]
public sealed class AuditLogTests(PipelineHarness pipeline)
{
    private Task<ApiResponse> AuditAsync(string? key, string query = "") =>
        pipeline.InvokeAsync(pipeline.Request("GET", "/api/admin/audit", query, key), r => pipeline.Function<GetAuditLog>().Run(r, CancellationToken.None));

    private async Task<List<JsonElement>> EntriesAsync(string query) =>
        [.. (await AuditAsync(pipeline.AdminKey, query)).Json.GetProperty("entries").EnumerateArray()];

    [Fact]
    public async Task Each_state_changing_action_appends_one_entry_without_keys_or_hashes()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1).ToString("O");
        var (keyId, key) = await pipeline.IssueKeyAsync("BLZ");
        // A title row unique to the run: Azurite keeps earlier runs' submissions.
        var file = ReturnFiles.Csv([[$"Run {Guid.NewGuid():N}"], ["Indicator", "Value"], ["POL_HOTLINE", "YES"]]);
        var upload = await pipeline.UploadAsync(key, "country=BLZ&year=2024", file, "text/csv");
        Assert.Equal(202, upload.Status);
        var submissionId = upload.Json.GetProperty("id").GetString()!;
        // The same bytes again change nothing, and append nothing.
        Assert.Equal(200, (await pipeline.UploadAsync(key, "country=BLZ&year=2024", file, "text/csv")).Status);
        await pipeline.ProcessAllAsync();
        await Admin("POST", "/api/admin/locks", """{"country":"BLZ","year":2024,"locked":true,"reason":"published"}""", r => pipeline.Function<SetStateYearLock>().Run(r, CancellationToken.None));
        await Admin("POST", "/api/admin/locks", """{"country":"BLZ","year":2024,"locked":false}""", r => pipeline.Function<SetStateYearLock>().Run(r, CancellationToken.None));
        var snapshot = await Admin("POST", "/api/snapshots/2018", null, r => pipeline.Function<CompileSnapshot>().Run(r, "2018", CancellationToken.None));
        await Admin("DELETE", $"/api/admin/keys/{keyId}", null, r => pipeline.Function<RevokeApiKey>().Run(r, keyId, CancellationToken.None));

        var mine = (await EntriesAsync($"from={Uri.EscapeDataString(since)}&pageSize=200"))
            .Where(e => e.GetProperty("subject").GetString() is { } s && (s == keyId || s == submissionId || s == "BLZ-2024" || s == snapshot.Json.GetProperty("version").GetString()))
            .Select(e => $"{e.GetProperty("action").GetString()} {e.GetProperty("actor").GetString()}")
            .Reverse().ToList();
        Assert.Equal([
            "key.issued admin", $"submission.uploaded key:{keyId}", "lock.locked admin", "lock.unlocked admin", "snapshot.published admin", "key.revoked admin",
        ], mine);
        var all = (await AuditAsync(pipeline.AdminKey, "pageSize=200")).Text;
        Assert.DoesNotContain(key, all);
        Assert.DoesNotContain(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), all, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Staff_filter_by_country_and_action_and_page_through_newest_first()
    {
        for (var i = 0; i < 3; i++) await pipeline.IssueKeyAsync("BHS");
        var issued = await EntriesAsync("country=BHS&action=key.issued&pageSize=200");
        Assert.True(issued.Count >= 3);
        Assert.All(issued, e => Assert.Equal(("BHS", "key.issued"), (e.GetProperty("country").GetString(), e.GetProperty("action").GetString())));
        var times = issued.Select(e => e.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);

        var first = await AuditAsync(pipeline.AdminKey, "country=BHS&action=key.issued&pageSize=2");
        var token = first.Json.GetProperty("continuationToken").GetString()!;
        var second = await AuditAsync(pipeline.AdminKey, $"country=BHS&action=key.issued&pageSize=2&continuationToken={Uri.EscapeDataString(token)}");
        var ids = first.Json.GetProperty("entries").EnumerateArray().Concat(second.Json.GetProperty("entries").EnumerateArray()).Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.Equal(issued.Take(ids.Count).Select(e => e.GetProperty("id").GetString()), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task Only_staff_read_the_log_and_bad_filters_get_problem_details()
    {
        var (_, key) = await pipeline.IssueKeyAsync("GUY");
        Assert.Equal(401, (await AuditAsync(null)).Status);
        Assert.Equal(401, (await AuditAsync("not-a-key")).Status);
        Assert.Equal(403, (await AuditAsync(key)).Status);
        foreach (var bad in new[] { "from=yesterday", "to=2026-13-01", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "country=XXX", "action=key.deleted", "pageSize=0", "pageSize=201", "continuationToken=%%%" })
        {
            var response = await AuditAsync(pipeline.AdminKey, bad);
            Assert.True(response.Status == 400, $"{bad}: {response.Status} {response.Text}");
            Assert.Equal("application/problem+json", response.ContentType.Split(';')[0]);
            Assert.False(string.IsNullOrEmpty(response.Json.GetProperty("detail").GetString()));
        }
    }

    private async Task<ApiResponse> Admin(string method, string path, string? body, Func<Microsoft.AspNetCore.Http.HttpRequest, Task<Microsoft.AspNetCore.Mvc.IActionResult>> function)
    {
        var response = await pipeline.InvokeAsync(pipeline.Request(method, path, key: pipeline.AdminKey,
            body: body is null ? null : System.Text.Encoding.UTF8.GetBytes(body), contentType: body is null ? null : "application/json"), function);
        Assert.True(response.Status < 300, $"{method} {path}: {response.Status} {response.Text}");
        return response;
    }
}

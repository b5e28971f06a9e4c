using Observatory.Functions.Admin;
using Observatory.Functions.Observations;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

/// <summary>Corrections: replace versus amend, the diff of each version, and state-years locked by staff.</summary>
[Collection(PipelineCollection.Name)]
public sealed class CorrectionTests(PipelineHarness pipeline)
{
    private static readonly object?[] Header = ["Indicator", "Sex", "Value", "Note"];

    [Fact]
    public async Task Replace_drops_cells_the_new_file_lacks_while_amend_keeps_them_and_diffs_show_what_changed()
    {
        var (_, key) = await pipeline.IssueKeyAsync("DOM");
        var original = await AcceptAsync(key, "DOM", [Header, ["CT_PERS_PROS", "_T", 10, null], ["CT_PERS_CONV", "_T", 4, null], ["POL_HOTLINE", null, "YES", null]]);

        // An amendment with one changed cell and one new cell: the rest stays.
        var amendment = await AcceptAsync(key, "DOM", [Header, ["CT_PERS_PROS", "_T", 12, "revised"], ["CT_PERS_PROS", "F", 5, null]], "mode=amend");
        Assert.Equal(
            ["CT_PERS_CONV|SEX=_T=4", "CT_PERS_PROS|SEX=F=5", "CT_PERS_PROS|SEX=_T=12", "POL_HOTLINE=YES"],
            await CurrentCellsAsync(key, "DOM"));
        var amendDiff = await DiffAsync(key, amendment);
        Assert.Equal(original, amendDiff.GetProperty("replaces").GetString());
        Assert.Equal((1, 0, 1), (amendDiff.GetProperty("added").GetInt32(), amendDiff.GetProperty("removed").GetInt32(), amendDiff.GetProperty("changed").GetInt32()));
        var changed = Assert.Single(amendDiff.GetProperty("changes").EnumerateArray(), c => c.GetProperty("change").GetString() == "changed");
        Assert.Equal((10, 12), (changed.GetProperty("oldValue").GetInt32(), changed.GetProperty("newValue").GetInt32()));

        // A replacement is the whole return: cells it lacks are gone.
        var replacement = await AcceptAsync(key, "DOM", [Header, ["CT_PERS_PROS", "_T", 12, null]]);
        Assert.Equal(["CT_PERS_PROS|SEX=_T=12"], await CurrentCellsAsync(key, "DOM"));
        var replaceDiff = await DiffAsync(key, replacement);
        Assert.Equal(amendment, replaceDiff.GetProperty("replaces").GetString());
        Assert.Equal(3, replaceDiff.GetProperty("removed").GetInt32());

        // Every version stays listed, newest first.
        var list = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/submissions", "country=DOM&year=2024", key),
            r => pipeline.Function<ListSubmissions>().Run(r, CancellationToken.None));
        Assert.Equal([replacement, amendment, original], list.Json.GetProperty("submissions").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_locked_state_year_refuses_submissions_with_a_clear_message_until_unlocked()
    {
        var (_, key) = await pipeline.IssueKeyAsync("JAM");
        var file = ReturnFiles.Csv([Header, ["POL_HOTLINE", null, "YES", null]]);
        var lockResponse = await SetLockAsync("""{"country":"JAM","year":2024,"locked":true,"reason":"published in the 2024 snapshot"}""");
        Assert.Equal(200, lockResponse.Status);

        var refused = await pipeline.UploadAsync(key, "year=2024", file, "text/csv");
        Assert.Equal(409, refused.Status);
        Assert.Contains("locked", refused.Json.GetProperty("detail").GetString());
        Assert.Contains("published in the 2024 snapshot", refused.Json.GetProperty("detail").GetString());
        Assert.Equal(0, (await pipeline.SubmissionsQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);

        // Other years stay open; unlocking opens this one again.
        Assert.Equal(202, (await pipeline.UploadAsync(key, "year=2023", file, "text/csv")).Status);
        Assert.Equal(200, (await SetLockAsync("""{"country":"JAM","year":2024,"locked":false}""")).Status);
        Assert.Equal(202, (await pipeline.UploadAsync(key, "year=2024", file, "text/csv")).Status);
        await pipeline.ProcessAllAsync();

        // Only staff lock.
        var focalPoint = await pipeline.InvokeAsync(pipeline.Request("POST", "/api/admin/locks", key: key, body: """{"country":"JAM","year":2024}"""u8.ToArray()),
            r => pipeline.Function<SetStateYearLock>().Run(r, CancellationToken.None));
        Assert.Equal(403, focalPoint.Status);
    }

    private Task<ApiResponse> SetLockAsync(string body) =>
        pipeline.InvokeAsync(pipeline.Request("POST", "/api/admin/locks", key: pipeline.AdminKey, body: System.Text.Encoding.UTF8.GetBytes(body), contentType: "application/json"),
            r => pipeline.Function<SetStateYearLock>().Run(r, CancellationToken.None));

    private async Task<string> AcceptAsync(string key, string country, IReadOnlyList<object?[]> rows, string? extraQuery = null)
    {
        var upload = await pipeline.UploadAsync(key, $"country={country}&year=2024" + (extraQuery is null ? "" : "&" + extraQuery), ReturnFiles.Csv(rows), "text/csv");
        Assert.Equal(202, upload.Status);
        await pipeline.ProcessAllAsync();
        var id = upload.Json.GetProperty("id").GetString()!;
        var status = await pipeline.GetSubmissionAsync(key, id);
        Assert.True(status.Json.GetProperty("status").GetString() == "accepted", status.Text);
        return id;
    }

    private async Task<List<string>> CurrentCellsAsync(string key, string country)
    {
        var response = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/observations", $"country={country}&year=2024", key),
            r => pipeline.Function<GetObservations>().Run(r, CancellationToken.None));
        return response.Json.GetProperty("observations").EnumerateArray()
            .Select(o => $"{o.GetProperty("indicator").GetString()}{string.Concat(o.GetProperty("dimensions").EnumerateObject().Select(d => $"|{d.Name}={d.Value.GetString()}"))}={o.GetProperty("value")}")
            .Order(StringComparer.Ordinal).ToList();
    }

    private async Task<System.Text.Json.JsonElement> DiffAsync(string key, string id)
    {
        var response = await pipeline.InvokeAsync(pipeline.Request("GET", $"/api/submissions/{id}/diff", key: key),
            r => pipeline.Function<GetSubmissionDiff>().Run(r, id, CancellationToken.None));
        Assert.Equal(200, response.Status);
        return response.Json;
    }
}

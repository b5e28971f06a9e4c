using Observatory.Functions.Observations;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

/// <summary>Two amendments of one state and year processed at the same time by the queue function: neither is lost.</summary>
[Collection(PipelineCollection.Name)]
public sealed class ConcurrentAmendmentTests(PipelineHarness pipeline)
{
    private static readonly object?[] Header = ["Indicator", "Sex", "Value", "Note"];

    [Fact]
    public async Task Two_amendments_uploaded_50_ms_apart_and_processed_at_once_are_both_in_the_current_data_and_each_diff_shows_its_own_cell()
    {
        foreach (var country in new[] { "ECU", "PRY", "URY" })
        {
            var (_, key) = await pipeline.IssueKeyAsync(country);
            Assert.Equal(202, (await Upload(key, country, [Header, ["CT_PERS_PROS", "_T", 10, null], ["CT_PERS_CONV", "_T", 4, null]], replace: true)).Status);
            await pipeline.ProcessAllAsync();

            var a = await Upload(key, country, [Header, ["CT_PERS_PROS", "_T", 11, null]], replace: false);
            // Deliberate: two uploads 50 ms apart by the system clock, as the test's name says; no timer or poll is waited for.
            await Task.Delay(50);
            var b = await Upload(key, country, [Header, ["CT_PERS_CONV", "_T", 5, null]], replace: false);
            var messages = new[] { (await pipeline.SubmissionsQueue.ReceiveMessageAsync()).Value, (await pipeline.SubmissionsQueue.ReceiveMessageAsync()).Value };
            await Task.WhenAll(messages.Select(m => Task.Run(() => pipeline.Function<ProcessSubmission>().Run(m.MessageText, CancellationToken.None))));
            foreach (var m in messages) await pipeline.SubmissionsQueue.DeleteMessageAsync(m.MessageId, m.PopReceipt);

            var ids = new[] { a, b }.Select(r => r.Json.GetProperty("id").GetString()!).ToArray();
            foreach (var id in ids) Assert.Equal("accepted", (await pipeline.GetSubmissionAsync(key, id)).Json.GetProperty("status").GetString());
            var current = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/observations", $"country={country}&year=2024", key),
                r => pipeline.Function<GetObservations>().Run(r, CancellationToken.None));
            Assert.Equal(["CT_PERS_CONV=5", "CT_PERS_PROS=11"],
                current.Json.GetProperty("observations").EnumerateArray().Select(o => $"{o.GetProperty("indicator").GetString()}={o.GetProperty("value")}").Order());

            // Each version's diff names exactly the cell its amendment changed, whichever became current first.
            Assert.Equal("CT_PERS_PROS 10→11", await OnlyChangeAsync(key, ids[0]));
            Assert.Equal("CT_PERS_CONV 4→5", await OnlyChangeAsync(key, ids[1]));
        }
    }

    private Task<ApiResponse> Upload(string key, string country, IReadOnlyList<object?[]> rows, bool replace) =>
        pipeline.UploadAsync(key, $"country={country}&year=2024" + (replace ? "" : "&mode=amend"), ReturnFiles.Csv(rows), "text/csv");

    private async Task<string> OnlyChangeAsync(string key, string id)
    {
        var diff = await pipeline.InvokeAsync(pipeline.Request("GET", $"/api/submissions/{id}/diff", key: key),
            r => pipeline.Function<GetSubmissionDiff>().Run(r, id, CancellationToken.None));
        var change = Assert.Single(diff.Json.GetProperty("changes").EnumerateArray());
        return $"{change.GetProperty("indicator").GetString()} {change.GetProperty("oldValue")}→{change.GetProperty("newValue")}";
    }
}

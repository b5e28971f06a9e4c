using System.Collections.Concurrent;
using Observatory.Core.ReferenceData;
using Observatory.Functions.Observations;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

/// <summary>
/// Every participating member state uploading at once, then again with amendments and replacements mixed in, processed by several
/// queue workers at once: every upload is accepted and every state's current data is what applying its submissions
/// in received order gives. Counts and contents only, never time.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class LoadTests(PipelineHarness pipeline)
{
    private const int Year = 2017;
    private const int Workers = 4;
    private static readonly object?[] Header = ["Indicator", "Sex", "Value", "Note"];
    private readonly string _run = Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Every_participating_state_uploading_at_once_with_amendments_mixed_in_lose_nothing()
    {
        // The 35 member states less Cuba, which has taken no part since 1962 (its submissions are refused).
        var states = ReferenceDataSet.Default.States.All.Where(s => s.ParticipatedIn(Year)).Select(s => s.Iso3).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(34, states.Count);
        var keys = new Dictionary<string, string>();
        foreach (var state in states) keys[state] = (await pipeline.IssueKeyAsync(state)).Key;

        // Round 1: every state sends its whole return at the same moment.
        var ids = new ConcurrentBag<string>();
        await Task.WhenAll(states.Select((state, i) => UploadAsync(keys[state], state, ids, false,
            ["CT_PERS_PROS", "_T", i, null], ["CT_PERS_CONV", "_T", i, null], ["POL_HOTLINE", null, "YES", null])));
        await ProcessWithWorkersAsync();

        // Round 2: every state sends two amendments, one after the other; every fifth then a replacement; all states at once.
        await Task.WhenAll(states.Select(async (state, i) =>
        {
            await UploadAsync(keys[state], state, ids, true, ["CT_PERS_PROS", "_T", 100 + i, null], ["CT_PERS_CONV", "_T", 100 + i, null]);
            await UploadAsync(keys[state], state, ids, true, ["CT_PERS_CONV", "_T", 200 + i, null], ["POL_NAT_PLAN", null, "NO", null]);
            if (i % 5 == 0) await UploadAsync(keys[state], state, ids, false, ["CT_PERS_PROS", "_T", 300 + i, null]);
        }));
        await ProcessWithWorkersAsync();

        Assert.Equal(states.Count * 3 + (states.Count + 4) / 5, ids.Count);
        foreach (var id in ids)
        {
            var status = await pipeline.GetSubmissionAsync(pipeline.AdminKey, id);
            Assert.True(status.Json.GetProperty("status").GetString() == "accepted", status.Text);
        }
        for (var i = 0; i < states.Count; i++)
        {
            // What received order promises: the replacement alone where one came last, else the base with both amendments on top.
            string[] expected = i % 5 == 0
                ? [$"CT_PERS_PROS={300 + i}"]
                : [$"CT_PERS_CONV={200 + i}", $"CT_PERS_PROS={100 + i}", "POL_HOTLINE=\"YES\"", "POL_NAT_PLAN=\"NO\""];
            Assert.Equal(expected, await CurrentAsync(keys[states[i]], states[i]));
        }
    }

    private async Task UploadAsync(string key, string state, ConcurrentBag<string> ids, bool amend, params object?[][] cells)
    {
        // A title row unique to the run: Azurite keeps earlier runs' submissions, and the same bytes would be a duplicate.
        var file = ReturnFiles.Csv([[$"Run {_run}"], Header, .. cells]);
        var response = await pipeline.UploadAsync(key, $"country={state}&year={Year}" + (amend ? "&mode=amend" : ""), file, "text/csv");
        Assert.True(response.Status == 202, response.Text);
        ids.Add(response.Json.GetProperty("id").GetString()!);
    }

    /// <summary>Several workers take messages from the queue at once, as several instances of the host would.</summary>
    private async Task ProcessWithWorkersAsync()
    {
        async Task Worker()
        {
            while ((await pipeline.SubmissionsQueue.ReceiveMessageAsync(TimeSpan.FromMinutes(1))).Value is { } message)
            {
                await pipeline.Function<ProcessSubmission>().Run(message.MessageText, CancellationToken.None);
                await pipeline.SubmissionsQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(Worker)));
    }

    private async Task<List<string>> CurrentAsync(string key, string state)
    {
        var response = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/observations", $"country={state}&year={Year}", key),
            r => pipeline.Function<GetObservations>().Run(r, CancellationToken.None));
        return [.. response.Json.GetProperty("observations").EnumerateArray()
            .Select(o => $"{o.GetProperty("indicator").GetString()}={o.GetProperty("value").GetRawText()}").Order(StringComparer.Ordinal)];
    }
}

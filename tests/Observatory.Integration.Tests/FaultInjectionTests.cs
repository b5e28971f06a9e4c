using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;
using Observatory.Functions.Observations;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Storage;

namespace Observatory.Integration.Tests;

/// <summary>
/// Processing (of an accepted amendment, with its promotion, and of a rejected return) driven through an outage at each
/// of its storage steps in turn, by a fault injected in the SDK's pipeline (<see cref="StorageFaults"/>); after recovery
/// each ends in its documented final state: the amendment accepted with its cells current and a truthful diff, the
/// rejected return rejected with its report and no data, no version rows but those of accepted submissions. Snapshot
/// publication meets the same outages in <see cref="SnapshotOutageTests"/>.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class FaultInjectionTests : IAsyncLifetime
{
    private static readonly object?[] Header = ["Indicator", "Sex", "Value", "Note"];
    private readonly StorageFaults _faults = new();
    private readonly string _run = Guid.NewGuid().ToString("N");
    private readonly PipelineHarness _pipeline;

    public FaultInjectionTests() => _pipeline = new PipelineHarness { Faults = _faults };

    public Task InitializeAsync() => _pipeline.InitializeAsync();

    public Task DisposeAsync() => _pipeline.DisposeAsync();

    [Theory]
    [InlineData(FaultMode.Unreachable, "CRI")]
    [InlineData(FaultMode.Timeout, "SLV")]
    public async Task An_amendment_whose_processing_meets_an_outage_at_any_storage_step_is_accepted_after_redelivery_with_nothing_orphaned(FaultMode kind, string country)
    {
        const int firstYear = 1995;
        var (_, key) = await _pipeline.IssueKeyAsync(country);
        var steps = 0;
        for (var step = 1; ; step++)
        {
            var year = firstYear + step;
            Assert.True(step < 30, "processing took more storage steps than expected");
            var baseId = await AcceptAsync(key, country, year, [Header, ["CT_PERS_PROS", "_T", 10, null], ["CT_PERS_CONV", "_T", 4, null]], amend: false);
            var upload = await Upload(key, country, year, [Header, ["CT_PERS_PROS", "_T", 11, null], ["POL_HOTLINE", null, "YES", null]], amend: true);
            var amendmentId = upload.Json.GetProperty("id").GetString()!;
            var message = (await _pipeline.SubmissionsQueue.ReceiveMessageAsync()).Value;

            _faults.ResetLog();
            _faults.Arm(StorageFault.AtStep(step, kind));
            try { await _pipeline.Function<ProcessSubmission>().Run(message.MessageText, CancellationToken.None); }
            catch (Exception) { /* the queue would deliver the message again */ }
            _faults.Heal();
            var fired = _faults.Fired;

            // Recovery: the message is delivered again until processing succeeds (well within maxDequeueCount).
            await RedeliverAsync(message.MessageText);
            await _pipeline.SubmissionsQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

            var status = await _pipeline.GetSubmissionAsync(key, amendmentId);
            Assert.True(status.Json.GetProperty("status").GetString() == "accepted", $"step {step} ({kind}): {status.Text}");
            Assert.Equal(["CT_PERS_CONV=4", "CT_PERS_PROS=11", "POL_HOTLINE=\"YES\""], await CurrentAsync(key, country, year));
            Assert.Equal(baseId, status.Json.GetProperty("replaces").GetString());
            Assert.Equal(["added POL_HOTLINE", "changed CT_PERS_PROS"], await DiffAsync(key, amendmentId));
            Assert.Empty(await OrphanedRowsAsync(country, year, baseId, amendmentId));
            if (!fired) break;
            steps = step;
        }
        // The amendment's processing has many storage steps, and each met the outage once.
        Assert.InRange(steps, 8, 29);
    }

    [Theory]
    [InlineData(FaultMode.Unreachable, "GTM")]
    [InlineData(FaultMode.Timeout, "HND")]
    public async Task A_rejected_return_whose_processing_meets_an_outage_at_any_storage_step_is_rejected_after_redelivery_with_its_report_and_no_data(FaultMode kind, string country)
    {
        const int firstYear = 1995;
        var (_, key) = await _pipeline.IssueKeyAsync(country);
        var steps = 0;
        for (var step = 1; ; step++)
        {
            var year = firstYear + step;
            Assert.True(step < 30, "processing took more storage steps than expected");
            var upload = await Upload(key, country, year, [Header, ["CT_PERS_PROS", "_T", -3, null], ["CT_PERS_CONV", "_T", "many", null]], amend: false);
            var id = upload.Json.GetProperty("id").GetString()!;
            var message = (await _pipeline.SubmissionsQueue.ReceiveMessageAsync()).Value;

            _faults.ResetLog();
            _faults.Arm(StorageFault.AtStep(step, kind));
            try { await _pipeline.Function<ProcessSubmission>().Run(message.MessageText, CancellationToken.None); }
            catch (Exception) { /* the queue would deliver the message again */ }
            _faults.Heal();
            var fired = _faults.Fired;

            await RedeliverAsync(message.MessageText);
            await _pipeline.SubmissionsQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

            // Rejected, with its two errors reported, and nothing of it among the state-year's data.
            var status = await _pipeline.GetSubmissionAsync(key, id);
            Assert.True(status.Json.GetProperty("status").GetString() == "rejected", $"step {step} ({kind}): {status.Text}");
            Assert.InRange(status.Json.GetProperty("counts").GetProperty("errors").GetInt32(), 2, 10);
            var current = await _pipeline.InvokeAsync(_pipeline.Request("GET", "/api/observations", $"country={country}&year={year}", key),
                r => _pipeline.Function<GetObservations>().Run(r, CancellationToken.None));
            Assert.True(current.Status == 404, $"step {step} ({kind}): the state-year has data: {current.Status} {current.Text}");
            Assert.Empty(await OrphanedRowsAsync(country, year));
            if (!fired) break;
            steps = step;
        }
        // The storage steps of a rejection (record, previous year, raw file, report, record again), each met once.
        Assert.InRange(steps, 4, 29);
    }

    private async Task RedeliverAsync(string message)
    {
        for (var delivery = 2; ; delivery++)
        {
            try
            {
                await _pipeline.Function<ProcessSubmission>().Run(message, CancellationToken.None);
                return;
            }
            catch (Exception) when (delivery < 5) { }
        }
    }

    private Task<ApiResponse> Upload(string key, string country, int year, IReadOnlyList<object?[]> rows, bool amend) =>
        // A title row unique to the run: Azurite keeps earlier runs' submissions, and the same bytes would be a duplicate.
        _pipeline.UploadAsync(key, $"country={country}&year={year}" + (amend ? "&mode=amend" : ""), ReturnFiles.Csv([[$"Run {_run}"], .. rows]), "text/csv");

    private async Task<string> AcceptAsync(string key, string country, int year, IReadOnlyList<object?[]> rows, bool amend)
    {
        var upload = await Upload(key, country, year, rows, amend);
        Assert.Equal(202, upload.Status);
        await _pipeline.ProcessAllAsync();
        return upload.Json.GetProperty("id").GetString()!;
    }

    private async Task<List<string>> CurrentAsync(string key, string country, int year)
    {
        var response = await _pipeline.InvokeAsync(_pipeline.Request("GET", "/api/observations", $"country={country}&year={year}", key),
            r => _pipeline.Function<GetObservations>().Run(r, CancellationToken.None));
        return [.. response.Json.GetProperty("observations").EnumerateArray().Select(o => $"{o.GetProperty("indicator").GetString()}={o.GetProperty("value").GetRawText()}").Order(StringComparer.Ordinal)];
    }

    private async Task<List<string>> DiffAsync(string key, string id)
    {
        var response = await _pipeline.InvokeAsync(_pipeline.Request("GET", $"/api/submissions/{id}/diff", key: key),
            r => _pipeline.Function<GetSubmissionDiff>().Run(r, id, CancellationToken.None));
        return [.. response.Json.GetProperty("changes").EnumerateArray().Select(c => $"{c.GetProperty("change").GetString()} {c.GetProperty("indicator").GetString()}").Order(StringComparer.Ordinal)];
    }

    /// <summary>Rows of the state-year that belong to no accepted submission (<paramref name="expected"/> must be among them).</summary>
    private async Task<List<string>> OrphanedRowsAsync(string country, int year, params string[] expected)
    {
        var submissions = await _pipeline.Services.GetRequiredService<ISubmissionStore>().ListAsync(country, year, CancellationToken.None);
        var accepted = submissions.Where(s => s.Status == SubmissionStatus.Accepted).Select(s => s.Id).ToList();
        Assert.Superset(expected.ToHashSet(), accepted.ToHashSet());
        var table = _pipeline.Tables.GetTableClient(StorageNames.ObservationsTable);
        var orphans = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>($"PartitionKey eq '{country}-{year}'", select: ["RowKey"]))
            if (row.RowKey != "~current" && !accepted.Any(id => row.RowKey.StartsWith(id + "~", StringComparison.Ordinal))) orphans.Add(row.RowKey);
        return orphans;
    }
}

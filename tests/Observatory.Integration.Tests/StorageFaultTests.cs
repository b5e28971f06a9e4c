using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Core.Ports;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Storage;

namespace Observatory.Integration.Tests;

/// <summary>
/// The intake driven through a storage failure at every one of its storage steps by <see cref="StorageFaults"/>
/// (issue 11, rows 7 and 8): each upload is either acknowledged or answered 503 with Retry-After, and after recovery
/// and the sweep every one ends in its documented final state, with no orphaned blob, record or note.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class StorageFaultTests
{
    private const string Country = "URY";
    private const int Year = 2024;

    [Fact]
    public async Task An_outage_at_any_storage_step_of_an_upload_loses_nothing_acknowledged_and_leaves_nothing_behind()
    {
        var faults = new StorageFaults();
        var harness = new PipelineHarness
        {
            Settings = { ["Observatory:StaleSubmissionMinutes"] = "0" },
            ConfigureServices = services => faults.AddTo(services, TestStorage.ConnectionString),
        };
        await harness.InitializeAsync();
        var (_, key) = await harness.IssueKeyAsync(Country);
        await ClearStateYearAsync(harness);

        // The storage steps of one upload, in order: key, lock, content marker, intake note, raw file, record, queue, note removed.
        faults.Record();
        Assert.Equal(202, (await UploadAsync(harness, key, FileFor(0))).Status);
        var steps = faults.Seen;
        Assert.True(steps.Count >= 7, "An upload makes at least seven storage requests: " + string.Join(" | ", steps));
        await harness.ProcessAllAsync();

        // One upload per step, storage going down at that step (unreachable or timing out) and staying down until it answers.
        var outcomes = new List<(int Step, string Kind, int Status, byte[] File)>();
        for (var step = 1; step <= steps.Count; step++)
        {
            faults.FailFrom(_ => true, step, step % 2 == 0 ? FaultMode.Timeout : FaultMode.Unreachable);
            var file = FileFor(step);
            var response = await UploadAsync(harness, key, file);
            faults.Heal();
            Assert.True(faults.Failed > 0, $"No request failed at step {step} ({steps[step - 1]}).");
            Assert.True(response.Status is 202 or 503, $"Step {step} ({steps[step - 1]}) answered {response.Status}: {response.Text}");
            if (response.Status == 503)
            {
                Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
                Assert.Equal("30", response.Headers.RetryAfter.ToString());
            }
            outcomes.Add((step, steps[step - 1], response.Status, file));
        }
        Assert.Contains(outcomes, o => o.Status == 503);

        // Recovery: the sweep finishes what the outages interrupted, the queue is processed, and the refused uploads are sent again.
        await harness.Function<SweepStaleSubmissions>().Run(new TimerInfo(), CancellationToken.None);
        await harness.ProcessAllAsync();
        foreach (var (_, kind, _, file) in outcomes.Where(o => o.Status == 503))
        {
            var again = await UploadAsync(harness, key, file);
            Assert.True(again.Status is 200 or 202, $"Sending again the upload refused at {kind} answered {again.Status}: {again.Text}");
        }
        await harness.ProcessAllAsync();

        // Every upload, the first and one per step, is accepted exactly once; every raw file belongs to a record and
        // every record has its raw file; no note of a half-done intake is left.
        var store = harness.Services.GetRequiredService<ISubmissionStore>();
        var submissions = await store.ListAsync(Country, Year, CancellationToken.None);
        Assert.True(steps.Count + 1 == submissions.Count,
            $"{submissions.Count} submissions for {steps.Count + 1} uploads: " + string.Join(" | ", submissions.Select(s => $"{s.Id} {s.Status} {s.Sha256[..8]}")) +
            " / outcomes: " + string.Join(" | ", outcomes.Select(o => $"{o.Step} {o.Kind} {o.Status}")));
        Assert.All(submissions, s => Assert.Equal("Accepted", s.Status.ToString()));
        Assert.Equal(submissions.Count, submissions.Select(s => s.Sha256).Distinct().Count());
        var rawFiles = new List<string>();
        await foreach (var blob in harness.Blobs.GetBlobContainerClient(StorageNames.RawContainer).GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{Country}/{Year}/", CancellationToken.None))
            rawFiles.Add(blob.Name.Split('/')[2]);
        Assert.Equal(submissions.Select(s => s.Id).Order(StringComparer.Ordinal), rawFiles.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(await store.ListPendingIntakesAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None), note => note.Country == Country);
    }

    private static byte[] FileFor(int variant) => ReturnFiles.Xlsx(SampleReturns.ValidSpanish(40 + variant, 20 + variant, "Uruguay"));

    private static Task<ApiResponse> UploadAsync(PipelineHarness harness, string key, byte[] file) =>
        harness.UploadAsync(key, $"year={Year}", file, ReturnFiles.XlsxType);

    /// <summary>Removes what earlier runs left for the state-year, so the counts are this run's.</summary>
    private static async Task ClearStateYearAsync(PipelineHarness harness)
    {
        var table = harness.Tables.GetTableClient(StorageNames.SubmissionsTable);
        await foreach (var entity in table.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{Country}-{Year}'"))
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
        var raw = harness.Blobs.GetBlobContainerClient(StorageNames.RawContainer);
        await foreach (var blob in raw.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{Country}/{Year}/", CancellationToken.None))
            await raw.DeleteBlobAsync(blob.Name);
    }
}

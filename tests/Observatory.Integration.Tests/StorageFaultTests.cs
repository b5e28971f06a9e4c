using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Core.Ports;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Storage;
using Observatory.LocalHost.Emulation;

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
        faults.ResetLog();
        Assert.Equal(202, (await UploadAsync(harness, key, FileFor(0))).Status);
        var steps = faults.Seen;
        Assert.True(steps.Count >= 7, "An upload makes at least seven storage requests: " + string.Join(" | ", steps));
        await harness.ProcessAllAsync();

        // One upload per step, storage going down at that step (unreachable or timing out) and staying down until it answers.
        var outcomes = new List<(int Step, string Kind, int Status, byte[] File)>();
        for (var step = 1; step <= steps.Count; step++)
        {
            faults.Arm(StorageFault.AtStep(step, step % 2 == 0 ? FaultMode.Timeout : FaultMode.Unreachable));
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

    [Theory]
    [InlineData(StorageService.Table, "POST", "$batch", 2022)]                  // the record and its marker
    [InlineData(StorageService.Blob, "PUT", "/raw/", 2021)]                     // the raw file
    [InlineData(StorageService.Queue, "POST", "/submissions/messages", 2020)]   // the queue message
    public async Task A_step_that_fails_alone_answers_503_with_Retry_After_and_is_undone_at_once(StorageService service, string method, string path, int year)
    {
        var faults = new StorageFaults();
        var harness = new PipelineHarness { ConfigureServices = services => faults.AddTo(services, TestStorage.ConnectionString) };
        await harness.InitializeAsync();
        var (_, key) = await harness.IssueKeyAsync(Country);
        await ClearStateYearAsync(harness, year);
        var file = FileFor(200 + year);

        faults.Arm(new StorageFault(service, method, path));
        var refused = await harness.UploadAsync(key, $"year={year}", file, ReturnFiles.XlsxType);
        faults.Heal();

        Assert.Equal(503, refused.Status);
        Assert.Equal("30", refused.Headers.RetryAfter.ToString());
        Assert.Contains("send it again", refused.Json.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        // Nothing kept, without waiting for the sweep: no record, no raw file, no note.
        var store = harness.Services.GetRequiredService<ISubmissionStore>();
        Assert.Empty(await store.ListAsync(Country, year, CancellationToken.None));
        Assert.Empty(await RawFilesAsync(harness, year));
        Assert.DoesNotContain(await store.ListPendingIntakesAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None), note => note.Year == year && note.Country == Country);

        // Sent again once storage is back, it is taken and processed.
        Assert.Equal(202, (await harness.UploadAsync(key, $"year={year}", file, ReturnFiles.XlsxType)).Status);
        await harness.ProcessAllAsync();
        Assert.Equal("Accepted", Assert.Single(await store.ListAsync(Country, year, CancellationToken.None)).Status.ToString());
    }

    [Fact]
    public async Task An_outage_at_any_storage_step_of_a_direct_upload_ends_with_the_event_retried_and_one_submission()
    {
        var faults = new StorageFaults();
        var harness = new PipelineHarness
        {
            Settings = { ["Observatory:StaleSubmissionMinutes"] = "0" },
            ConfigureServices = services => faults.AddTo(services, TestStorage.ConnectionString),
        };
        await harness.InitializeAsync();
        var (_, key) = await harness.IssueKeyAsync(Country);
        const int year = 2023;
        await ClearStateYearAsync(harness, year);

        async Task<(string UploadId, string Announcement, string BlobName)> PutAsync(int variant)
        {
            var ticket = await harness.InvokeAsync(harness.Request("POST", "/api/uploads", $"year={year}&fileName=return.xlsx", key),
                r => harness.Function<Observatory.Functions.Uploads.RequestUploadUrl>().Run(r, CancellationToken.None));
            var url = new Uri(ticket.Json.GetProperty("uploadUrl").GetString()!);
            await new Azure.Storage.Blobs.BlobClient(url).UploadAsync(new BinaryData(FileFor(100 + variant)));
            var blobName = Uri.UnescapeDataString(url.AbsolutePath[(url.AbsolutePath.IndexOf("/uploads/", StringComparison.Ordinal) + "/uploads/".Length)..]);
            return (ticket.Json.GetProperty("uploadId").GetString()!, BlobCreatedEventMessage.For(blobName, new Uri(url.GetLeftPart(UriPartial.Path)), DateTimeOffset.UtcNow), blobName);
        }
        Task ReceiveAsync(string announcement) => harness.Function<Observatory.Functions.Uploads.ReceiveUploadEvent>().Run(announcement, CancellationToken.None);

        // The storage steps of taking in one direct upload.
        var first = await PutAsync(0);
        faults.ResetLog();
        await ReceiveAsync(first.Announcement);
        var steps = faults.Seen;
        Assert.True(steps.Count >= 10, "Taking in a direct upload makes at least ten storage requests: " + string.Join(" | ", steps));

        var uploads = new List<(string UploadId, string Announcement, string BlobName)> { first };
        for (var step = 1; step <= steps.Count; step++)
        {
            var upload = await PutAsync(step);
            faults.Arm(StorageFault.AtStep(step, step % 2 == 0 ? FaultMode.Timeout : FaultMode.Unreachable));
            try
            {
                await ReceiveAsync(upload.Announcement);   // fails, and the queue would deliver it again
            }
            catch (Exception)
            {
            }
            faults.Heal();
            Assert.True(faults.Failed > 0, $"No request failed at step {step} ({steps[step - 1]}).");
            await ReceiveAsync(upload.Announcement);       // the redelivery
            uploads.Add(upload);
        }
        await harness.Function<SweepStaleSubmissions>().Run(new TimerInfo(), CancellationToken.None);
        await harness.ProcessAllAsync();

        // Each upload became exactly one accepted submission, and its blob is gone.
        var store = harness.Services.GetRequiredService<ISubmissionStore>();
        var uploadsStore = harness.Services.GetRequiredService<IDirectUploadStore>();
        var submissionIds = new List<string>();
        foreach (var upload in uploads)
        {
            var ticket = await uploadsStore.FindTicketAsync(upload.UploadId, CancellationToken.None);
            Assert.NotNull(ticket?.SubmissionId);
            submissionIds.Add(ticket!.SubmissionId!);
            Assert.Equal("Accepted", (await store.FindAsync(ticket.SubmissionId!, CancellationToken.None))!.Status.ToString());
            Assert.False(await harness.Blobs.GetBlobContainerClient(StorageNames.UploadsContainer).GetBlobClient(upload.BlobName).ExistsAsync());
        }
        Assert.Equal(uploads.Count, submissionIds.Distinct().Count());
        var all = await store.ListAsync(Country, year, CancellationToken.None);
        Assert.Equal(uploads.Count, all.Count);
    }

    private static byte[] FileFor(int variant) => ReturnFiles.Xlsx(SampleReturns.ValidSpanish(40 + variant, 20 + variant, "Uruguay"));

    private static Task<ApiResponse> UploadAsync(PipelineHarness harness, string key, byte[] file) =>
        harness.UploadAsync(key, $"year={Year}", file, ReturnFiles.XlsxType);

    private static async Task<List<string>> RawFilesAsync(PipelineHarness harness, int year)
    {
        var names = new List<string>();
        await foreach (var blob in harness.Blobs.GetBlobContainerClient(StorageNames.RawContainer)
                           .GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{Country}/{year}/", CancellationToken.None))
            names.Add(blob.Name);
        return names;
    }

    /// <summary>Removes what earlier runs left for the state-year, so the counts are this run's.</summary>
    private static async Task ClearStateYearAsync(PipelineHarness harness, int year = Year)
    {
        var table = harness.Tables.GetTableClient(StorageNames.SubmissionsTable);
        await foreach (var entity in table.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq '{Country}-{year}'"))
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey);
        var raw = harness.Blobs.GetBlobContainerClient(StorageNames.RawContainer);
        await foreach (var blob in raw.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"{Country}/{year}/", CancellationToken.None))
            await raw.DeleteBlobAsync(blob.Name);
    }
}

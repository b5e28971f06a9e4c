using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Core.Submissions;
using Observatory.Functions.Admin;
using Observatory.Functions.Observations;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Storage;

namespace Observatory.Integration.Tests;

[Collection(PipelineCollection.Name)]
public sealed class FailureAndReplacementTests(PipelineHarness pipeline)
{

    [Fact]
    public async Task A_submission_whose_retries_run_out_becomes_failed_with_its_reason_and_staff_can_reprocess_it()
    {
        var (_, key) = await pipeline.IssueKeyAsync("GTM");
        var file = ReturnFiles.Xlsx(SampleReturns.ValidSpanish(3, 3, "Guatemala"));
        var upload = await pipeline.UploadAsync(key, "country=GTM&year=2024", file, ReturnFiles.XlsxType);
        var id = upload.Json.GetProperty("id").GetString()!;

        // The raw file becomes unreadable: every attempt fails, as when storage is down.
        var submission = (await pipeline.Services.GetService<Observatory.Core.Ports.ISubmissionStore>()!.FindAsync(id, CancellationToken.None))!;
        var raw = pipeline.Blobs.GetBlobContainerClient(StorageNames.RawContainer).GetBlobClient(SubmissionIntake.RawFileName(submission));
        await raw.DeleteAsync();

        // As many tries as host.json gives a message before the host moves it to the poison queue.
        var message = (await pipeline.SubmissionsQueue.ReceiveMessageAsync()).Value.MessageText;
        Assert.InRange(HostJson.MaxDequeueCount, 1, 100);
        for (var attempt = 1; attempt <= HostJson.MaxDequeueCount; attempt++)
            await Assert.ThrowsAnyAsync<Exception>(() => pipeline.Function<ProcessSubmission>().Run(message, CancellationToken.None));
        Assert.Equal("processing", (await pipeline.GetSubmissionAsync(key, id)).Json.GetProperty("status").GetString());

        // The host moves the message to the poison queue; its trigger makes the submission final.
        await pipeline.Function<FailPoisonedSubmission>().Run(message, CancellationToken.None);
        var failed = await pipeline.GetSubmissionAsync(pipeline.AdminKey, id);
        Assert.Equal("failed", failed.Json.GetProperty("status").GetString());
        Assert.Contains("raw file", failed.Json.GetProperty("failureReason").GetString());
        Assert.NotEqual(JsonValueKind.Null, failed.Json.GetProperty("completedAt").ValueKind);

        // Staff restore the file and reprocess: it is queued again and accepted.
        await raw.UploadAsync(new BinaryData(file));
        await pipeline.SubmissionsQueue.ClearMessagesAsync();
        var reprocess = await pipeline.InvokeAsync(pipeline.Request("POST", $"/api/admin/submissions/{id}/reprocess", key: pipeline.AdminKey),
            r => pipeline.Function<ReprocessSubmission>().Run(r, id, CancellationToken.None));
        Assert.Equal(202, reprocess.Status);
        Assert.Equal("queued", reprocess.Json.GetProperty("status").GetString());
        // The audit log holds one entry for it.
        var audit = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/admin/audit", "action=submission.reprocessed&pageSize=200", pipeline.AdminKey),
            r => pipeline.Function<GetAuditLog>().Run(r, CancellationToken.None));
        Assert.Single(audit.Json.GetProperty("entries").EnumerateArray(), e => e.GetProperty("subject").GetString() == id);

        await pipeline.ProcessAllAsync();
        Assert.Equal("accepted", (await pipeline.GetSubmissionAsync(key, id)).Json.GetProperty("status").GetString());

        // Reprocessing applies to failed submissions only.
        var again = await pipeline.InvokeAsync(pipeline.Request("POST", $"/api/admin/submissions/{id}/reprocess", key: pipeline.AdminKey),
            r => pipeline.Function<ReprocessSubmission>().Run(r, id, CancellationToken.None));
        Assert.Equal(409, again.Status);
    }

    [Fact]
    public async Task A_newer_submission_replaces_the_data_atomically_and_the_older_version_stays_as_history()
    {
        // A pipeline of its own, whose storage clients let the test hold the processing between two of its writes.
        var faults = new StorageFaults();
        var harness = new PipelineHarness { Faults = faults };
        await harness.InitializeAsync();
        var (_, key) = await harness.IssueKeyAsync("HND");
        var first = await harness.UploadAsync(key, "country=HND&year=2024", ReturnFiles.Xlsx(SampleReturns.ManyObservations(femaleBase: 100)), ReturnFiles.XlsxType);
        await harness.ProcessAllAsync();
        var second = await harness.UploadAsync(key, "country=HND&year=2024", ReturnFiles.Xlsx(SampleReturns.ManyObservations(femaleBase: 500)), ReturnFiles.XlsxType);
        var firstId = first.Json.GetProperty("id").GetString()!;
        var secondId = second.Json.GetProperty("id").GetString()!;
        var table = harness.Tables.GetTableClient(StorageNames.ObservationsTable);

        // Readers poll while the second version is written (three transactions) and made current.
        var seen = new ConcurrentBag<(string SubmissionId, int Count, bool AllFromOneVersion, bool WhileHeld)>();
        var held = 0;
        var readWhileHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var readSecond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var heldAtStart = Volatile.Read(ref held) == 1;
                var response = await harness.InvokeAsync(harness.Request("GET", "/api/observations", "country=HND&year=2024", key),
                    r => harness.Function<GetObservations>().Run(r, CancellationToken.None));
                var whileHeld = heldAtStart && Volatile.Read(ref held) == 1;
                var json = response.Json;
                var values = json.GetProperty("observations").EnumerateArray().Select(o => o.GetProperty("value").GetInt64()).ToList();
                var fromFirst = values.All(v => v < 500);
                var fromSecond = values.All(v => v >= 500 || v == 2);
                var submissionId = json.GetProperty("submissionId").GetString()!;
                seen.Add((submissionId, values.Count, fromFirst || fromSecond, whileHeld));
                if (whileHeld) readWhileHeld.TrySetResult();
                if (submissionId == secondId) readSecond.TrySetResult();
            }
        });

        // The processing is held after its first write transaction, with part of the second version stored, until a
        // reader has read in full meanwhile: the read and the write overlap for certain, not by luck of timing.
        var written = faults.HoldAfter(new StorageFault(StorageService.Table, "POST", "$batch"));
        var processing = Task.Run(harness.ProcessAllAsync);
        await written.Reached.WaitAsync(TimeSpan.FromMinutes(2));
        var secondRowsStored = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq 'HND-2024' and SubmissionId eq '{secondId}'")) secondRowsStored++;
        Assert.InRange(secondRowsStored, 1, 242);
        Volatile.Write(ref held, 1);
        await readWhileHeld.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Volatile.Write(ref held, 0);
        written.Release();
        await processing;
        await readSecond.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await stop.CancelAsync();
        await reader;

        Assert.All(seen, read => Assert.True(read.Count == 243 && read.AllFromOneVersion, $"a read of {read.SubmissionId} saw {read.Count} rows, mixed: {!read.AllFromOneVersion}"));
        Assert.All(seen.Where(read => read.WhileHeld), read => Assert.Equal(firstId, read.SubmissionId));

        // The first version's rows are kept as history in the same partition.
        var firstRows = 0;
        await foreach (var _ in table.QueryAsync<Azure.Data.Tables.TableEntity>($"PartitionKey eq 'HND-2024' and SubmissionId eq '{firstId}'")) firstRows++;
        Assert.Equal(243, firstRows);
    }

    [Fact]
    public async Task An_older_submission_finishing_late_does_not_replace_a_newer_one()
    {
        var (_, key) = await pipeline.IssueKeyAsync("SLV");
        var older = await pipeline.UploadAsync(key, "country=SLV&year=2024", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(1, 1, "El Salvador")), ReturnFiles.XlsxType);
        var newer = await pipeline.UploadAsync(key, "country=SLV&year=2024", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(2, 2, "El Salvador")), ReturnFiles.XlsxType);
        var olderMessage = (await pipeline.SubmissionsQueue.ReceiveMessageAsync()).Value;
        await pipeline.ProcessAllAsync();                       // the newer one
        await pipeline.Function<ProcessSubmission>().Run(olderMessage.MessageText, CancellationToken.None);

        var current = await pipeline.InvokeAsync(pipeline.Request("GET", "/api/observations", "country=SLV&year=2024", key),
            r => pipeline.Function<GetObservations>().Run(r, CancellationToken.None));
        Assert.Equal(newer.Json.GetProperty("id").GetString(), current.Json.GetProperty("submissionId").GetString());
        Assert.Equal("accepted", (await pipeline.GetSubmissionAsync(key, older.Json.GetProperty("id").GetString()!)).Json.GetProperty("status").GetString());
    }
}

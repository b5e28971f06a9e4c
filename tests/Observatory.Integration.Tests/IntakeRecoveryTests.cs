using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;
using Observatory.Functions.Admin;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

/// <summary>
/// Every acknowledged submission reaches a final state, and the intake does no unbounded work inside the request
/// (issue 11, rows 4 and 7).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class IntakeRecoveryTests(PipelineHarness pipeline)
{
    [Fact]
    public async Task Finding_the_year_of_a_file_of_millions_of_empty_rows_stops_at_its_time_budget_and_asks_for_the_year()
    {
        var harness = await StartAsync(new() { ["Observatory:YearScanSeconds"] = "0.5" });
        var (_, key) = await harness.IssueKeyAsync("ECU");
        var file = HostileFiles.XlsxOfEmptyRows(20_000_000);   // ~120 MB of XML in a file of a few hundred KB

        var response = await harness.UploadAsync(key, "", file, ReturnFiles.XlsxType);

        Assert.Equal(400, response.Status);
        Assert.Contains("not found at the start of the file", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_the_year_reads_no_more_than_its_byte_budget()
    {
        // A csv whose first data row, which states the year, ends past the budget: the scan does not read that far.
        var harness = await StartAsync(new() { ["Observatory:YearScanBytes"] = "4096" });
        var (_, key) = await harness.IssueKeyAsync("ECU");
        var file = ReturnFiles.Csv([["Indicator", "Value", "Year", "Note"], ["POL_HOTLINE", "YES", "2024", new string('n', 5000)]]);
        var response = await harness.UploadAsync(key, "", file, "text/csv");

        Assert.Equal(400, response.Status);
        Assert.Contains("not found at the start of the file", response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_hangs_up_once_its_file_is_sent_stops_the_search_for_the_year_and_nothing_is_stored()
    {
        var harness = await StartAsync(new() { ["Observatory:YearScanSeconds"] = "600" });
        var (_, key) = await harness.IssueKeyAsync("ECU");
        var file = HostileFiles.XlsxOfEmptyRows(20_000_000);
        var request = harness.Request("POST", "/api/submissions", null, key, contentType: ReturnFiles.XlsxType);
        using var hangUp = new CancellationTokenSource();
        // The connection drops the moment the last byte is read: the only work left is the file's, for nobody.
        request.Body = new HangUpAtEnd(file, hangUp);
        request.HttpContext.RequestAborted = hangUp.Token;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.InvokeAsync(request, r => harness.Function<UploadSubmission>().Run(r, CancellationToken.None)));
        Assert.True(hangUp.IsCancellationRequested);
        Assert.Equal(0, (await harness.SubmissionsQueue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task The_sweep_queues_again_a_submission_whose_message_was_lost_and_it_reaches_a_final_state()
    {
        var harness = await StartAsync(new() { ["Observatory:StaleSubmissionMinutes"] = "0" });
        var (_, key) = await harness.IssueKeyAsync("BOL");
        var upload = await harness.UploadAsync(key, "year=2022", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(31, 17, "Bolivia")), ReturnFiles.XlsxType);
        Assert.Equal(202, upload.Status);
        var id = upload.Json.GetProperty("id").GetString()!;
        await harness.SubmissionsQueue.ClearMessagesAsync();   // the message lost in an outage

        await harness.Function<SweepStaleSubmissions>().Run(new TimerInfo(), CancellationToken.None);
        await harness.ProcessAllAsync();

        Assert.Equal("accepted", (await harness.GetSubmissionAsync(key, id)).Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_same_bytes_sent_again_for_a_stale_queued_submission_queue_it_again()
    {
        var harness = await StartAsync(new() { ["Observatory:StaleSubmissionMinutes"] = "0" });
        var (_, key) = await harness.IssueKeyAsync("BOL");
        var file = ReturnFiles.Xlsx(SampleReturns.ValidSpanish(32, 18, "Bolivia"));
        var id = (await harness.UploadAsync(key, "year=2021", file, ReturnFiles.XlsxType)).Json.GetProperty("id").GetString()!;
        await harness.SubmissionsQueue.ClearMessagesAsync();

        var again = await harness.UploadAsync(key, "year=2021", file, ReturnFiles.XlsxType);
        Assert.Equal(200, again.Status);
        Assert.Equal(id, again.Json.GetProperty("id").GetString());
        await harness.ProcessAllAsync();

        Assert.Equal("accepted", (await harness.GetSubmissionAsync(key, id)).Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Staff_can_reprocess_a_stuck_queued_submission()
    {
        var (_, key) = await pipeline.IssueKeyAsync("BOL");
        var id = (await pipeline.UploadAsync(key, "year=2020", ReturnFiles.Xlsx(SampleReturns.ValidSpanish(33, 19, "Bolivia")), ReturnFiles.XlsxType))
            .Json.GetProperty("id").GetString()!;
        await pipeline.SubmissionsQueue.ClearMessagesAsync();

        var reprocess = await pipeline.InvokeAsync(pipeline.Request("POST", $"/api/admin/submissions/{id}/reprocess", key: pipeline.AdminKey),
            r => pipeline.Function<ReprocessSubmission>().Run(r, id, CancellationToken.None));
        Assert.Equal(202, reprocess.Status);
        await pipeline.ProcessAllAsync();

        Assert.Equal("accepted", (await pipeline.GetSubmissionAsync(key, id)).Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_sweep_removes_the_raw_file_of_an_intake_that_stopped_before_its_record()
    {
        var harness = await StartAsync(new() { ["Observatory:StaleSubmissionMinutes"] = "0" });
        var store = harness.Services.GetRequiredService<ISubmissionStore>();
        var raw = harness.Services.GetRequiredService<IRawFileStore>();
        var note = new PendingIntake("BOL-2019-20250101T000000Z-deadbeef", "BOL", 2019, "BOL/2019/BOL-2019-20250101T000000Z-deadbeef/return.csv", DateTimeOffset.UtcNow.AddMinutes(-1));
        await store.BeginIntakeAsync(note, CancellationToken.None);
        await raw.SaveAsync(note.RawFileName, new MemoryStream([1, 2, 3]), "text/csv", CancellationToken.None);

        await harness.Function<SweepStaleSubmissions>().Run(new TimerInfo(), CancellationToken.None);

        await Assert.ThrowsAsync<FileNotFoundException>(() => raw.OpenReadAsync(note.RawFileName, CancellationToken.None));
        Assert.DoesNotContain(await store.ListPendingIntakesAsync(DateTimeOffset.UtcNow.AddMinutes(1), CancellationToken.None),
            pending => pending.SubmissionId == note.SubmissionId);
    }

    /// <summary>A pipeline of its own with other settings, over the same Azurite (the collection runs one test at a time).</summary>
    private static async Task<PipelineHarness> StartAsync(Dictionary<string, string?> settings)
    {
        var harness = new PipelineHarness { Settings = settings };
        await harness.InitializeAsync();
        return harness;
    }

    /// <summary>A body whose client hangs up as soon as its last byte has been read.</summary>
    private sealed class HangUpAtEnd(byte[] content, CancellationTokenSource hangUp) : MemoryStream(content, writable: false)
    {
        public override int Read(byte[] buffer, int offset, int count) => HangUpIfDone(base.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => HangUpIfDone(base.Read(buffer));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        private int HangUpIfDone(int read)
        {
            if (read == 0) hangUp.Cancel();
            return read;
        }
    }
}

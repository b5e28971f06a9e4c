using Azure.Core;
using Azure.Data.Tables;
using Observatory.Benchmarks.Measurement;
using Observatory.Core.Languages;
using Observatory.Core.Reading;
using Observatory.Core.Submissions;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Storage;

namespace Observatory.Integration.Tests;

/// <summary>
/// The submission store starts an update from the version of the record it last read or wrote, and still never
/// loses another writer's change: two stores over one table stand for two instances of the Function App.
/// </summary>
public sealed class SubmissionStoreVersionTests
{
    private static (TableSubmissionStore Store, RequestCounter Requests) Instance()
    {
        var requests = new RequestCounter("table");
        var options = new TableClientOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var service = new TableServiceClient(TestStorage.ConnectionString, options);
        service.GetTableClient(StorageNames.SubmissionsTable).CreateIfNotExists();
        return (new TableSubmissionStore(service), requests);
    }

    private static Submission NewSubmission()
    {
        // A state-year of its own (no other test uses Uruguay 1995), a new id each run, and a final status from the
        // start: the stale-submission sweep of other tests must not take these records, which have no file, for work.
        var receivedAt = DateTimeOffset.UtcNow;
        return new Submission
        {
            Id = SubmissionId.New("URY", 1995, receivedAt),
            Country = "URY",
            Year = 1995,
            Status = SubmissionStatus.Rejected,
            ReceivedAt = receivedAt,
            FileName = "return.csv",
            ContentType = "text/csv",
            Format = ReturnFormat.Csv,
            Sha256 = Guid.NewGuid().ToString("N"),
            Size = 10,
            Language = Language.Es,
            SubmittedBy = "test",
        };
    }

    [Fact]
    public async Task Updates_after_a_read_or_a_write_of_the_same_record_do_not_read_it_again()
    {
        TestStorage.EnsureReachable();
        var (store, requests) = Instance();
        var submission = NewSubmission();
        Assert.True(await store.TryCreateAsync(submission, CancellationToken.None));

        Assert.NotNull(await store.FindAsync(submission.Id, CancellationToken.None));
        requests.Reset();
        await store.UpdateAsync(submission.Id, s => s with { Attempts = s.Attempts + 1 }, CancellationToken.None);
        var final = await store.UpdateAsync(submission.Id, s => s with { FailureReason = "second update" }, CancellationToken.None);

        Assert.Equal(2, requests.Total);
        Assert.Equal(0, requests.ByKind.GetValueOrDefault("table GET submissions"));
        Assert.Equal(("second update", 1), (final.FailureReason, final.Attempts));
        var stored = await Instance().Store.FindAsync(submission.Id, CancellationToken.None);
        Assert.Equal(("second update", 1), (stored!.FailureReason, stored.Attempts));
    }

    [Fact]
    public async Task A_change_written_by_another_instance_since_the_last_read_is_kept()
    {
        TestStorage.EnsureReachable();
        var (first, firstRequests) = Instance();
        var (second, _) = Instance();
        var submission = NewSubmission();
        Assert.True(await first.TryCreateAsync(submission, CancellationToken.None));
        Assert.NotNull(await first.FindAsync(submission.Id, CancellationToken.None));

        // The other instance changes the record after the first one read it.
        await second.UpdateAsync(submission.Id, s => s with { FailureReason = "written by the other instance" }, CancellationToken.None);
        firstRequests.Reset();
        var changed = await first.UpdateAsync(submission.Id, s => s with { Attempts = s.Attempts + 1 }, CancellationToken.None);

        Assert.Equal(("written by the other instance", 1), (changed.FailureReason, changed.Attempts));
        var stored = await Instance().Store.FindAsync(submission.Id, CancellationToken.None);
        Assert.Equal(("written by the other instance", 1), (stored!.FailureReason, stored.Attempts));
        // The stale version's write was refused (412), then the record was read afresh and written.
        Assert.Equal(3, firstRequests.Total);
    }

    [Fact]
    public async Task An_update_of_a_record_deleted_since_the_last_read_says_it_is_gone()
    {
        TestStorage.EnsureReachable();
        var (first, _) = Instance();
        var (second, _) = Instance();
        var submission = NewSubmission();
        Assert.True(await first.TryCreateAsync(submission, CancellationToken.None));
        Assert.NotNull(await first.FindAsync(submission.Id, CancellationToken.None));

        await second.DeleteAsync(submission, CancellationToken.None);

        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            first.UpdateAsync(submission.Id, s => s with { Attempts = s.Attempts + 1 }, CancellationToken.None));
    }
}

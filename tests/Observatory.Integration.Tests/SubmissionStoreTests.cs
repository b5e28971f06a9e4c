using Azure.Core;
using Azure.Data.Tables;
using Observatory.Benchmarks.Measurement;
using Observatory.Core.Languages;
using Observatory.Core.Notifications;
using Observatory.Core.Reading;
using Observatory.Core.Submissions;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Storage;

namespace Observatory.Integration.Tests;

/// <summary>
/// The table submission store's promises. An update starts from the version of the record the store last read or
/// wrote, and still never loses another writer's change (two stores over one table stand for two instances of the
/// Function App). A record is created with its content marker and the intake's note removed in one transaction, and
/// undone by the reverse, so a raw file is never without its record or its note. In the pipeline's collection: the
/// stale-submission sweep that other tests run would take these notes.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class SubmissionStoreTests
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

    /// <summary>Creates a record as the intake does: its note first, then the record with its marker.</summary>
    private static async Task<bool> CreateAsync(TableSubmissionStore store, Submission submission)
    {
        await store.BeginIntakeAsync(PendingIntake.For(submission), CancellationToken.None);
        return await store.TryCreateAsync(submission, PendingIntake.For(submission), CancellationToken.None);
    }

    /// <summary>
    /// A record created and read by one instance, then changed by another: the first instance's store, its request
    /// counter and the record.
    /// </summary>
    private static async Task<(TableSubmissionStore First, RequestCounter FirstRequests, Submission Submission)> ReadThenChangedByAnotherInstanceAsync()
    {
        TestStorage.EnsureReachable();
        var (first, firstRequests) = Instance();
        var (second, _) = Instance();
        var submission = NewSubmission();
        Assert.True(await CreateAsync(first, submission));
        Assert.NotNull(await first.FindAsync(submission.Id, CancellationToken.None));
        await second.UpdateAsync(submission.Id, s => s with { FailureReason = "written by the other instance" }, CancellationToken.None);
        return (first, firstRequests, submission);
    }

    private static async Task<bool> HasNoteAsync(TableSubmissionStore store, Submission submission) =>
        (await store.ListPendingIntakesAsync(DateTimeOffset.MaxValue, CancellationToken.None)).Any(n => n.SubmissionId == submission.Id);

    [Fact]
    public async Task Creating_a_record_removes_its_intake_note_in_the_same_request_and_a_duplicate_changes_nothing()
    {
        TestStorage.EnsureReachable();
        var (store, requests) = Instance();
        var submission = NewSubmission();
        await store.BeginIntakeAsync(PendingIntake.For(submission), CancellationToken.None);
        requests.Reset();

        Assert.True(await store.TryCreateAsync(submission, PendingIntake.For(submission), CancellationToken.None));
        Assert.Equal(1, requests.Total);
        Assert.False(await HasNoteAsync(store, submission));

        // The same bytes again under another id: refused, and the second intake's note is still there for its undo.
        var again = NewSubmission() with { Sha256 = submission.Sha256 };
        await store.BeginIntakeAsync(PendingIntake.For(again), CancellationToken.None);
        Assert.False(await store.TryCreateAsync(again, PendingIntake.For(again), CancellationToken.None));
        Assert.True(await HasNoteAsync(store, again));
        Assert.Null(await store.FindAsync(again.Id, CancellationToken.None));
        Assert.Equal(submission.Id, (await store.FindByContentAsync("URY", 1995, submission.Sha256, CancellationToken.None))?.Id);
        await store.EndIntakeAsync(PendingIntake.For(again), CancellationToken.None);
    }

    [Fact]
    public async Task A_record_whose_note_is_gone_is_not_created()
    {
        TestStorage.EnsureReachable();
        var (store, _) = Instance();
        var submission = NewSubmission();

        // Without the note (the sweep took it), the raw file would have neither: the create fails whole.
        await Assert.ThrowsAsync<TableTransactionFailedException>(() => store.TryCreateAsync(submission, PendingIntake.For(submission), CancellationToken.None));
        Assert.Null(await store.FindAsync(submission.Id, CancellationToken.None));
        Assert.Null(await store.FindByContentAsync("URY", 1995, submission.Sha256, CancellationToken.None));
    }

    [Fact]
    public async Task Undoing_a_create_puts_the_note_back_as_it_removes_the_record_and_its_marker()
    {
        TestStorage.EnsureReachable();
        var (store, requests) = Instance();
        var submission = NewSubmission();
        Assert.True(await CreateAsync(store, submission));
        requests.Reset();

        await store.UndoCreateAsync(submission, PendingIntake.For(submission), CancellationToken.None);

        Assert.Equal(1, requests.Total);
        Assert.Null(await store.FindAsync(submission.Id, CancellationToken.None));
        Assert.Null(await store.FindByContentAsync("URY", 1995, submission.Sha256, CancellationToken.None));
        Assert.True(await HasNoteAsync(store, submission));
        await store.EndIntakeAsync(PendingIntake.For(submission), CancellationToken.None);
        Assert.False(await HasNoteAsync(store, submission));
    }

    [Fact]
    public async Task Updates_after_a_read_or_a_write_of_the_same_record_do_not_read_it_again()
    {
        TestStorage.EnsureReachable();
        var (store, requests) = Instance();
        var submission = NewSubmission();
        Assert.True(await CreateAsync(store, submission));

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
    public async Task A_verdict_and_its_announcement_are_stored_in_one_request_and_listed_until_removed()
    {
        TestStorage.EnsureReachable();
        var (store, requests) = Instance();
        var submission = NewSubmission();
        Assert.True(await CreateAsync(store, submission));
        Assert.NotNull(await store.FindAsync(submission.Id, CancellationToken.None));
        var announcement = NotificationMessage.Verdict(submission.Id, "accepted");
        var at = DateTimeOffset.UtcNow;
        requests.Reset();

        await store.UpdateAndAnnounceAsync(submission.Id, s => s with { Attempts = 7 }, announcement, at, CancellationToken.None);

        Assert.Equal(1, requests.Total);
        Assert.Equal(7, (await Instance().Store.FindAsync(submission.Id, CancellationToken.None))!.Attempts);
        Assert.DoesNotContain(announcement, await store.ListAnnouncementsAsync(at, CancellationToken.None));
        Assert.Contains(announcement, await store.ListAnnouncementsAsync(at.AddTicks(1), CancellationToken.None));
        Assert.DoesNotContain(await store.ListAsync("URY", 1995, CancellationToken.None), s => s.Id.StartsWith('~'));
        await store.RemoveAnnouncementAsync(announcement, CancellationToken.None);
        Assert.DoesNotContain(announcement, await store.ListAnnouncementsAsync(DateTimeOffset.MaxValue, CancellationToken.None));
    }

    [Fact]
    public async Task A_verdict_written_over_a_stale_version_keeps_the_other_writers_change_and_is_announced_once()
    {
        var (first, firstRequests, submission) = await ReadThenChangedByAnotherInstanceAsync();
        var announcement = NotificationMessage.Verdict(submission.Id, "rejected");
        firstRequests.Reset();

        var stored = await first.UpdateAndAnnounceAsync(submission.Id, s => s with { Attempts = s.Attempts + 1 }, announcement, DateTimeOffset.UtcNow, CancellationToken.None);

        // The transaction over the stale version was refused whole, then the record read afresh and both written.
        Assert.Equal(3, firstRequests.Total);
        Assert.Equal(("written by the other instance", 1), (stored.FailureReason, stored.Attempts));
        Assert.Single(await first.ListAnnouncementsAsync(DateTimeOffset.MaxValue, CancellationToken.None), a => a == announcement);
        await first.RemoveAnnouncementAsync(announcement, CancellationToken.None);
    }

    [Fact]
    public async Task A_change_written_by_another_instance_since_the_last_read_is_kept()
    {
        var (first, firstRequests, submission) = await ReadThenChangedByAnotherInstanceAsync();
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
        Assert.True(await CreateAsync(first, submission));
        Assert.NotNull(await first.FindAsync(submission.Id, CancellationToken.None));

        await second.UndoCreateAsync(submission, PendingIntake.For(submission), CancellationToken.None);
        await second.EndIntakeAsync(PendingIntake.For(submission), CancellationToken.None);

        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            first.UpdateAsync(submission.Id, s => s with { Attempts = s.Attempts + 1 }, CancellationToken.None));
    }
}

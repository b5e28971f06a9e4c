using System.Text;
using Observatory.Core.Security;
using Observatory.Core.Submissions;
using Observatory.Core.Tests.InMemory;

namespace Observatory.Core.Tests.UseCases;

/// <summary>The intake over in-memory ports: what is stored, queued and answered, never which calls were made.</summary>
public class SubmissionIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Caller Mexico = Caller.FocalPoint("MEX", "key:mex");
    private readonly MemoryPipeline _pipeline = new(Now);

    private static IntakeRequest Upload(string csv, string? year = "2025") =>
        new(Mexico, null, year, null, "return.csv", "text/csv", Encoding.UTF8.GetBytes(csv));

    private const string Return = "Indicator,Value\r\nPOL_HOTLINE,YES\r\n";

    [Fact]
    public async Task An_upload_is_stored_queued_and_noted_nowhere_else()
    {
        var result = await _pipeline.Intake.ReceiveAsync(Upload(Return), CancellationToken.None);

        Assert.True(result.Created);
        var stored = Assert.Single(_pipeline.Submissions.All);
        Assert.Equal(result.Submission!.Id, stored.Id);
        Assert.Equal((SubmissionStatus.Queued, "MEX", 2025), (stored.Status, stored.Country, stored.Year));
        Assert.Equal([SubmissionIntake.RawFileName(stored)], _pipeline.RawFiles.Names);
        Assert.Equal([stored.Id], _pipeline.Queue.Messages);
        Assert.Empty(_pipeline.Submissions.Notes);
    }

    [Fact]
    public async Task Two_uploads_of_the_same_bytes_racing_make_one_submission()
    {
        // Both uploads have looked for the bytes (found nothing) and stored their raw file before either creates its record.
        var bothArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = 0;
        _pipeline.Submissions.BeforeCreate = _ =>
        {
            if (Interlocked.Increment(ref arrived) == 2) bothArrived.SetResult();
            return bothArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        };

        var results = await Task.WhenAll(
            Task.Run(() => _pipeline.Intake.ReceiveAsync(Upload(Return), CancellationToken.None)),
            Task.Run(() => _pipeline.Intake.ReceiveAsync(Upload(Return), CancellationToken.None)));

        Assert.Equal(2, arrived);
        var stored = Assert.Single(_pipeline.Submissions.All);
        Assert.All(results, r => Assert.Equal(stored.Id, r.Submission?.Id));
        Assert.Single(results, r => r.Created);
        // The loser's copy of the file and its note are gone; one message for the one submission.
        Assert.Equal([SubmissionIntake.RawFileName(stored)], _pipeline.RawFiles.Names);
        Assert.Equal([stored.Id], _pipeline.Queue.Messages);
        Assert.Empty(_pipeline.Submissions.Notes);
    }

    [Fact]
    public async Task The_same_bytes_sent_again_later_answer_with_the_first_submission()
    {
        var first = await _pipeline.Intake.ReceiveAsync(Upload(Return), CancellationToken.None);
        _pipeline.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await _pipeline.Intake.ReceiveAsync(Upload(Return), CancellationToken.None);

        Assert.False(again.Created);
        Assert.Equal(first.Submission!.Id, again.Submission!.Id);
        Assert.Single(_pipeline.Submissions.All);
        Assert.Single(_pipeline.Queue.Messages);
        // The second copy was stored before the record refused it, and is gone again, with its note.
        Assert.Equal([SubmissionIntake.RawFileName(first.Submission)], _pipeline.RawFiles.Names);
        Assert.Empty(_pipeline.Submissions.Notes);
    }

    [Fact]
    public async Task The_same_bytes_sent_again_while_the_first_is_queued_long_after_queue_it_again()
    {
        var first = await _pipeline.Intake.ReceiveAsync(Upload(Return), CancellationToken.None);
        _pipeline.Clock.Advance(TimeSpan.FromMinutes(new ObservatoryOptions().StaleSubmissionMinutes + 1));

        var again = await _pipeline.Intake.ReceiveAsync(Upload(Return), CancellationToken.None);

        Assert.False(again.Created);
        Assert.Equal([first.Submission!.Id, first.Submission.Id], _pipeline.Queue.Messages);
        Assert.Equal(_pipeline.Clock.GetUtcNow(), again.Submission!.QueuedAt);
    }

    [Fact]
    public async Task A_queue_failure_undoes_the_upload_and_leaves_nothing_visible()
    {
        _pipeline.Queue.Failing = true;

        var result = await _pipeline.Intake.ReceiveAsync(Upload(Return), CancellationToken.None);

        Assert.Equal(IntakeRefusal.Unavailable, result.Refusal);
        Assert.Null(result.Submission);
        Assert.Empty(_pipeline.Submissions.All);
        Assert.Empty(await _pipeline.Submissions.ListAsync("MEX", 2025, CancellationToken.None));
        Assert.Empty(_pipeline.RawFiles.Names);
        Assert.Empty(_pipeline.Submissions.Notes);
        Assert.Empty(_pipeline.Queue.Messages);

        // Nothing was kept, so the same bytes sent again once the queue is back make a new submission.
        _pipeline.Queue.Failing = false;
        var retried = await _pipeline.Intake.ReceiveAsync(Upload(Return), CancellationToken.None);
        Assert.True(retried.Created);
        Assert.Equal([retried.Submission!.Id], _pipeline.Queue.Messages);
    }

    [Theory]
    [InlineData("1989")]
    [InlineData("2027")]
    [InlineData("2025.0")]
    [InlineData("twenty")]
    public async Task A_year_the_policy_refuses_is_refused_before_anything_is_stored(string year)
    {
        var result = await _pipeline.Intake.ReceiveAsync(Upload(Return, year), CancellationToken.None);

        Assert.Equal(IntakeRefusal.InvalidParameters, result.Refusal);
        Assert.Equal(_pipeline.Policy.ReadYear(year).Refusal, result.Detail);
        Assert.Empty(_pipeline.Submissions.All);
        Assert.Empty(_pipeline.RawFiles.Names);
    }

    [Fact]
    public async Task A_year_stated_in_the_file_is_held_to_the_same_range()
    {
        var result = await _pipeline.Intake.ReceiveAsync(Upload("Year,2031\r\nIndicator,Value\r\nPOL_HOTLINE,YES\r\n", year: null), CancellationToken.None);

        Assert.Equal(IntakeRefusal.InvalidParameters, result.Refusal);
        Assert.Equal("'2031' is not a reporting year: give a year from 1990 to 2026, such as 2025.", result.Detail);
        Assert.Empty(_pipeline.Submissions.All);
    }
}

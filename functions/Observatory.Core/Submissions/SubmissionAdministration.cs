using Observatory.Core.Ports;

namespace Observatory.Core.Submissions;

/// <summary>What staff can do to a submission.</summary>
public sealed class SubmissionAdministration
{
    private readonly ISubmissionStore _submissions;
    private readonly IWorkQueue _queue;
    private readonly SubmissionRequeue _requeue;
    private readonly TimeProvider _clock;

    /// <summary>Creates the service.</summary>
    public SubmissionAdministration(ISubmissionStore submissions, IWorkQueue queue, SubmissionRequeue requeue, TimeProvider clock)
    {
        _clock = clock;
        _submissions = submissions;
        _queue = queue;
        _requeue = requeue;
    }

    /// <summary>
    /// Puts a failed submission back on the queue, or sends a stuck queued one's message again (staff need not wait
    /// for the sweep). Returns null when no submission has that id, and the submission unchanged when it is neither
    /// (a submission being processed has its message; a final one is replaced by a new upload).
    /// </summary>
    public async Task<(Submission? Submission, bool Requeued)> ReprocessAsync(string submissionId, CancellationToken cancellationToken)
    {
        var submission = await _submissions.FindAsync(submissionId, cancellationToken);
        if (submission is { Status: SubmissionStatus.Queued }) return (await _requeue.RequeueAsync(submission, cancellationToken), true);
        if (submission is null || submission.Status != SubmissionStatus.Failed) return (submission, false);

        var now = _clock.GetUtcNow();
        var queued = await _submissions.UpdateAsync(submissionId,
            s => s with { Status = SubmissionStatus.Queued, CompletedAt = null, FailureReason = null, Attempts = 0, QueuedAt = now }, cancellationToken);
        try
        {
            await _queue.EnqueueSubmissionAsync(submissionId, cancellationToken);
        }
        catch
        {
            // Leave it failed, as it was, rather than queued with no message to carry it.
            await _submissions.UpdateAsync(submissionId, _ => submission, CancellationToken.None);
            throw;
        }
        return (queued, true);
    }
}

using Observatory.Core.Ports;

namespace Observatory.Core.Submissions;

/// <summary>What staff can do to a submission.</summary>
public sealed class SubmissionAdministration
{
    private readonly ISubmissionStore _submissions;
    private readonly IWorkQueue _queue;

    /// <summary>Creates the service.</summary>
    public SubmissionAdministration(ISubmissionStore submissions, IWorkQueue queue)
    {
        _submissions = submissions;
        _queue = queue;
    }

    /// <summary>
    /// Puts a failed submission back on the queue. Returns null when no submission has that id, and the
    /// submission unchanged when it is not failed (only failed submissions are reprocessed).
    /// </summary>
    public async Task<(Submission? Submission, bool Requeued)> ReprocessAsync(string submissionId, CancellationToken cancellationToken)
    {
        var submission = await _submissions.FindAsync(submissionId, cancellationToken);
        if (submission is null || submission.Status != SubmissionStatus.Failed) return (submission, false);

        var queued = await _submissions.UpdateAsync(submissionId,
            s => s with { Status = SubmissionStatus.Queued, CompletedAt = null, FailureReason = null, Attempts = 0 }, cancellationToken);
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

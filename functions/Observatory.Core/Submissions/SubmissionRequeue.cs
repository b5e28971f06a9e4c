using Observatory.Core.Ports;

namespace Observatory.Core.Submissions;

/// <summary>
/// Puts a queued submission whose message was lost back on the queue: the sweep, a same-bytes upload and staff all
/// use it. A submission queued twice is processed once (processing skips a final submission), so erring towards
/// queuing again is safe; never queuing again is what loses an upload.
/// </summary>
public sealed class SubmissionRequeue
{
    private readonly ISubmissionStore _submissions;
    private readonly IWorkQueue _queue;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _staleAfter;

    /// <summary>Creates the service.</summary>
    public SubmissionRequeue(ISubmissionStore submissions, IWorkQueue queue, ObservatoryOptions options, TimeProvider clock)
    {
        _submissions = submissions;
        _queue = queue;
        _clock = clock;
        _staleAfter = TimeSpan.FromMinutes(options.StaleSubmissionMinutes);
    }

    /// <summary>The time before which a still-queued submission is taken to have lost its message.</summary>
    public DateTimeOffset StaleBefore => _clock.GetUtcNow() - _staleAfter;

    /// <summary>True for a submission still queued long after it was last put on the queue.</summary>
    public bool IsStale(Submission submission) =>
        submission.Status == SubmissionStatus.Queued && (submission.QueuedAt ?? submission.ReceivedAt) < StaleBefore;

    /// <summary>Sends the submission's message again, then notes when. Storage failures are thrown.</summary>
    public async Task<Submission> RequeueAsync(Submission submission, CancellationToken cancellationToken)
    {
        await _queue.EnqueueSubmissionAsync(submission.Id, cancellationToken);
        var now = _clock.GetUtcNow();
        return await _submissions.UpdateAsync(submission.Id, s => s with { QueuedAt = now }, cancellationToken);
    }
}

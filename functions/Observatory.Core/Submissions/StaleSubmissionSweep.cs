using Microsoft.Extensions.Logging;
using Observatory.Core.Ports;

namespace Observatory.Core.Submissions;

/// <summary>
/// Finishes what an outage interrupted, so that every acknowledged upload reaches a final state and nothing
/// unacknowledged is left behind: a submission still queued long after it was queued lost its message and is queued
/// again; an intake that stopped between storing the raw file and creating the record leaves a note, and its raw
/// file is removed. Runs on a schedule (the setting Observatory:StaleSubmissionSweepSchedule, read by the timer trigger).
/// </summary>
public sealed class StaleSubmissionSweep
{
    private readonly ISubmissionStore _submissions;
    private readonly IRawFileStore _rawFiles;
    private readonly SubmissionRequeue _requeue;
    private readonly ILogger<StaleSubmissionSweep> _logger;

    /// <summary>Creates the sweep.</summary>
    public StaleSubmissionSweep(ISubmissionStore submissions, IRawFileStore rawFiles, SubmissionRequeue requeue, ILogger<StaleSubmissionSweep> logger)
    {
        _submissions = submissions;
        _rawFiles = rawFiles;
        _requeue = requeue;
        _logger = logger;
    }

    /// <summary>What one sweep did.</summary>
    /// <param name="Requeued">The submissions queued again.</param>
    /// <param name="Cleaned">The half-done intakes whose raw file and note were removed.</param>
    public sealed record Result(IReadOnlyList<string> Requeued, IReadOnlyList<string> Cleaned);

    /// <summary>Runs the sweep once. Storage failures are thrown; the next run starts again.</summary>
    public async Task<Result> RunAsync(CancellationToken cancellationToken)
    {
        var staleBefore = _requeue.StaleBefore;
        var cleaned = new List<string>();
        foreach (var note in await _submissions.ListPendingIntakesAsync(staleBefore, cancellationToken))
        {
            // A record beside its note (left by a release that removed notes on their own) was acknowledged: its raw file stays.
            if (await _submissions.FindAsync(note.SubmissionId, cancellationToken) is null)
            {
                await _rawFiles.DeleteAsync(note.RawFileName, cancellationToken);
                cleaned.Add(note.SubmissionId);
                _logger.LogWarning("Intake of {SubmissionId} stopped before its record was stored; its raw file is removed", note.SubmissionId);
            }
            await _submissions.EndIntakeAsync(note, cancellationToken);
        }

        var requeued = new List<string>();
        foreach (var submission in await _submissions.ListQueuedAsync(staleBefore, cancellationToken))
        {
            await _requeue.RequeueAsync(submission, cancellationToken);
            requeued.Add(submission.Id);
            _logger.LogWarning("Submission {SubmissionId} was still queued since {QueuedAt}; it is queued again", submission.Id, submission.QueuedAt ?? submission.ReceivedAt);
        }
        return new Result(requeued, cleaned);
    }
}

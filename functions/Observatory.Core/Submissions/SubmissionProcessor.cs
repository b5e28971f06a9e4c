using Microsoft.Extensions.Logging;
using Observatory.Core.Domain;
using Observatory.Core.Notifications;
using Observatory.Core.Observations;
using Observatory.Core.Ports;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Validation;

namespace Observatory.Core.Submissions;

/// <summary>
/// Processes a queued submission: reads the raw file, validates and normalizes it, and stores either the
/// observations (as a new version made current in one step) or the report of what to fix.
/// Idempotent: a message delivered twice, or a crash half-way, ends in the same stored state.
/// </summary>
public sealed class SubmissionProcessor
{
    private readonly ISubmissionStore _submissions;
    private readonly IRawFileStore _rawFiles;
    private readonly IReportStore _reports;
    private readonly VersionPromoter _promoter;
    private readonly ReferenceDataSet _referenceData;
    private readonly ReturnValidation _validation;
    private readonly VerdictAnnouncer _announcer;
    private readonly TimeProvider _clock;
    private readonly ILogger<SubmissionProcessor> _logger;

    /// <summary>Creates the processor over its stores.</summary>
    public SubmissionProcessor(ISubmissionStore submissions, IRawFileStore rawFiles, IReportStore reports,
        VersionPromoter promoter, ReferenceDataSet referenceData, ReturnValidation validation, VerdictAnnouncer announcer, TimeProvider clock,
        ILogger<SubmissionProcessor> logger)
    {
        _announcer = announcer;
        _submissions = submissions;
        _rawFiles = rawFiles;
        _reports = reports;
        _promoter = promoter;
        _referenceData = referenceData;
        _validation = validation;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Processes the submission. Throws when storage fails, so the queue retries; the reason is kept on the
    /// record for the day the retries run out.
    /// </summary>
    public async Task ProcessAsync(string submissionId, CancellationToken cancellationToken)
    {
        var submission = await _submissions.FindAsync(submissionId, cancellationToken);
        if (submission is null)
        {
            _logger.LogWarning("Submission {SubmissionId} is not known; the message is dropped", submissionId);
            return;
        }
        if (submission.Status.IsFinal())
        {
            _logger.LogInformation("Submission {SubmissionId} is already {Status}; nothing to do", submissionId, submission.Status);
            return;
        }

        submission = await _submissions.UpdateAsync(submissionId, s => s with { Status = SubmissionStatus.Processing, Attempts = s.Attempts + 1 }, cancellationToken);
        try
        {
            await ValidateAndStoreAsync(submission, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await RecordAttemptFailureAsync(submissionId, ex);
            throw;
        }
    }

    /// <summary>
    /// Marks a submission failed after its retries ran out (its message reached the poison queue).
    /// The raw file is kept; staff can reprocess it.
    /// </summary>
    public async Task MarkFailedAsync(string submissionId, CancellationToken cancellationToken)
    {
        var submission = await _submissions.FindAsync(submissionId, cancellationToken);
        if (submission is null || submission.Status.IsFinal()) return;
        await _announcer.StoreAndAnnounceAsync(submissionId, SubmissionStatus.Failed, s => s.Status.IsFinal() ? s : s with
        {
            Status = SubmissionStatus.Failed,
            CompletedAt = _clock.GetUtcNow(),
            FailureReason = s.FailureReason ?? "Processing did not complete after the queue's retries.",
        }, cancellationToken);
        _logger.LogError("Submission {SubmissionId} failed: {Reason}", submissionId, submission.FailureReason ?? "retries exhausted");
    }

    private async Task ValidateAndStoreAsync(Submission submission, CancellationToken cancellationToken)
    {
        var state = _referenceData.States.FindByIso3(submission.Country)
            ?? throw new InvalidOperationException($"Submission {submission.Id} names an unknown state {submission.Country}.");
        ValidationOutcome outcome;
        await using (var raw = await _rawFiles.OpenReadAsync(SubmissionIntake.RawFileName(submission), cancellationToken))
            outcome = await _validation.ValidateAsync(state, submission.Year, raw, submission.Format, submission.FileName, cancellationToken);

        await _reports.SaveAsync(new SubmissionReport(submission.Id, outcome.Errors, outcome.Warnings) { Omitted = outcome.Omitted }, cancellationToken);
        var counts = new SubmissionCounts(outcome.Rows, outcome.Accepted ? outcome.Observations.Count : 0, outcome.ErrorCount, outcome.WarningCount);

        string? replaces = null;
        if (outcome.Accepted)
        {
            // The promoter writes the version whole before it becomes current (readers never see part of it), in
            // received order among the state-year's submissions, merging again when another one switched first.
            var promotion = await _promoter.PromoteAsync(submission, outcome.Observations, mayHaveWrittenBefore: submission.Attempts > 1, cancellationToken);
            replaces = promotion.Replaced;
            if (!promotion.BecameCurrent)
                _logger.LogInformation("Submission {SubmissionId} accepted, but a replacement received later is current for {Country} {Year}", submission.Id, submission.Country, submission.Year);
        }

        var status = outcome.Accepted ? SubmissionStatus.Accepted : SubmissionStatus.Rejected;
        // The verdict's notification is recorded with the verdict, and queued after it (VerdictAnnouncer says why).
        await _announcer.StoreAndAnnounceAsync(submission.Id, status, s => s with
        {
            Status = status,
            CompletedAt = _clock.GetUtcNow(),
            Counts = counts,
            FailureReason = null,
            Replaces = replaces,
        }, cancellationToken);
        _logger.LogInformation("Submission {SubmissionId} {Status}: {Rows} rows, {Errors} errors, {Warnings} warnings",
            submission.Id, status, counts.Rows, counts.Errors, counts.Warnings);
    }

    private async Task RecordAttemptFailureAsync(string submissionId, Exception exception)
    {
        try
        {
            var reason = $"{exception.GetType().Name}: {exception.Message}";
            await _submissions.UpdateAsync(submissionId, s => s with { FailureReason = reason.Length > 1000 ? reason[..1000] : reason }, CancellationToken.None);
        }
        catch (Exception recordFailure)
        {
            // Storage is likely what failed in the first place; the retry will try again.
            _logger.LogWarning(recordFailure, "Could not record the failure of submission {SubmissionId}", submissionId);
        }
        _logger.LogWarning(exception, "Processing of submission {SubmissionId} failed; the queue will retry", submissionId);
    }
}

using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Observatory.Core.Ports;

namespace Observatory.Core.Submissions;

/// <summary>
/// Receives an upload: checks who may send what, stores the raw file and the submission record before anything
/// is acknowledged, and queues the work. The same bytes for the same state and year return the existing submission.
/// </summary>
public sealed class SubmissionIntake
{
    private readonly ISubmissionStore _submissions;
    private readonly IRawFileStore _rawFiles;
    private readonly IWorkQueue _queue;
    private readonly IStateYearLocks _locks;
    private readonly UploadTermsReader _terms;
    private readonly TimeProvider _clock;
    private readonly SubmissionRequeue _requeue;
    private readonly ILogger<SubmissionIntake> _logger;

    /// <summary>Creates the intake over its stores.</summary>
    public SubmissionIntake(ISubmissionStore submissions, IRawFileStore rawFiles, IWorkQueue queue, IStateYearLocks locks, UploadTermsReader terms,
        SubmissionRequeue requeue, TimeProvider clock, ILogger<SubmissionIntake> logger)
    {
        _terms = terms;
        _requeue = requeue;
        _locks = locks;
        _submissions = submissions;
        _rawFiles = rawFiles;
        _queue = queue;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Receives one upload. Storage failures are answered as <see cref="IntakeRefusal.Unavailable"/> with nothing kept;
    /// a cancelled <paramref name="cancellationToken"/> (the client hung up) stops it with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<IntakeResult> ReceiveAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        var (terms, refusal) = _terms.Read(request, cancellationToken);
        if (terms is null) return refusal!;
        var (state, year, format) = (terms.State, terms.Year, terms.Format);

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content.Span));
        StateYearLock? locked;
        Submission? existing;
        try
        {
            locked = await _locks.FindAsync(state.Iso3, year, cancellationToken);
            existing = locked is null ? await _submissions.FindByContentAsync(state.Iso3, year, sha256, cancellationToken) : null;
            // The same bytes again, still queued long after: its message was lost in an outage, so it is queued again.
            if (existing is not null && _requeue.IsStale(existing))
            {
                _logger.LogWarning("Submission {SubmissionId} was still queued; the same bytes arrived again and it is queued again", existing.Id);
                existing = await _requeue.RequeueAsync(existing, cancellationToken);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Storage could not be read for an upload of {Country} {Year}", state.Iso3, year);
            return Unavailable();
        }
        if (locked is not null)
            return UploadTermsReader.LockedRefusal(state, year, locked);
        if (existing is not null)
            return IntakeResult.Existing(existing);

        var receivedAt = _clock.GetUtcNow();
        var id = SubmissionId.New(state.Iso3, year, receivedAt);
        var submission = new Submission
        {
            Id = id,
            Country = state.Iso3,
            Year = year,
            Status = SubmissionStatus.Queued,
            ReceivedAt = receivedAt,
            FileName = FileNames.Sanitize(request.FileName, format),
            ContentType = string.IsNullOrWhiteSpace(request.ContentType) ? FileNames.ContentTypeOf(format) : request.ContentType,
            Format = format,
            Sha256 = sha256,
            Size = request.Content.Length,
            Language = terms.Language,
            SubmittedBy = request.Caller.Name,
            Mode = terms.Mode,
        };
        return await StoreAndQueueAsync(submission, request.Content, cancellationToken);
    }

    /// <summary>
    /// A note of the intake first, then the raw file, then the record (with its content marker, atomically), then the
    /// queue message. Only after all of them is the upload acknowledged. A failure undoes what was done and answers
    /// 503; when the undoing fails too (storage is down), what is left is found by the sweep: a note without its record
    /// (the raw file is removed) or a queued record without a message (it is queued again).
    /// </summary>
    private async Task<IntakeResult> StoreAndQueueAsync(Submission submission, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var rawName = RawFileName(submission);
        var note = PendingIntake.For(submission);
        try
        {
            await _submissions.BeginIntakeAsync(note, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Submission {SubmissionId} could not be noted; nothing was stored", submission.Id);
            return Unavailable();
        }

        bool created;
        var creating = false;
        try
        {
            await using (var stream = StatedYearScan.ReadOnlyStream(content))
                await _rawFiles.SaveAsync(rawName, stream, submission.ContentType, cancellationToken);
            creating = true;
            created = await _submissions.TryCreateAsync(submission, cancellationToken);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Submission {SubmissionId} could not be stored; the upload is undone", submission.Id);
            // A failed create may still have been applied (its answer lost in a time-out): whether it was is looked up.
            await UndoAsync(submission, note, recordCreated: creating ? null : false);
            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested) throw;
            return Unavailable();
        }

        if (!created)
        {
            // Another upload of the same bytes won the race: answer with it and drop our copy.
            await UndoAsync(submission, note, recordCreated: false);
            try
            {
                var winner = await _submissions.FindByContentAsync(submission.Country, submission.Year, submission.Sha256, cancellationToken);
                return winner is null ? Unavailable() : IntakeResult.Existing(winner);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogError(ex, "The submission with the same bytes as {SubmissionId} could not be read", submission.Id);
                return Unavailable();
            }
        }

        try
        {
            // Not cancelled with the request from here: the record exists, and a message is what makes it go on.
            await _queue.EnqueueSubmissionAsync(submission.Id, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Submission {SubmissionId} could not be queued; the upload is undone", submission.Id);
            await UndoAsync(submission, note, recordCreated: true);
            return Unavailable("The upload could not be queued for processing; nothing was kept. Please send it again in a few minutes.");
        }
        await ForgetNoteAsync(note);
        _logger.LogInformation("Submission {SubmissionId} received: {Country} {Year}, {Size} bytes, {Format}", submission.Id, submission.Country, submission.Year, submission.Size, submission.Format);
        return IntakeResult.New(submission);
    }

    /// <summary>
    /// Undoes an upload that was not acknowledged, in the order that never leaves a raw file without either its record
    /// or the note that lets the sweep remove it: the record (when it was, or may have been, created: null means look),
    /// then the raw file, then the note. Stops at the first failure and leaves the rest to the sweep.
    /// </summary>
    private async Task UndoAsync(Submission submission, PendingIntake note, bool? recordCreated)
    {
        try
        {
            recordCreated ??= await _submissions.FindAsync(submission.Id, CancellationToken.None) is not null;
            if (recordCreated == true) await _submissions.DeleteAsync(submission, CancellationToken.None);
            await _rawFiles.DeleteAsync(note.RawFileName, CancellationToken.None);
            await _submissions.EndIntakeAsync(note, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Undoing submission {SubmissionId} did not complete; the sweep will finish it", submission.Id);
        }
    }

    private async Task ForgetNoteAsync(PendingIntake note)
    {
        try
        {
            await _submissions.EndIntakeAsync(note, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Harmless: the sweep finds the record beside the note and removes the note alone.
            _logger.LogWarning(ex, "The intake note of {SubmissionId} could not be removed; the sweep will remove it", note.SubmissionId);
        }
    }

    private static IntakeResult Unavailable(string? detail = null) => IntakeResult.Refused(IntakeRefusal.Unavailable,
        detail ?? "Storage cannot take the upload right now; nothing was kept. Please send it again in a few minutes.");

    /// <summary>The blob name of a submission's raw file: by state, year and submission, so one state's files never mix with another's.</summary>
    public static string RawFileName(Submission submission) =>
        $"{submission.Country}/{submission.Year}/{submission.Id}/{submission.FileName}";
}

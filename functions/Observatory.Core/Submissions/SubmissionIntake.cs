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
        try
        {
            locked = await _locks.FindAsync(state.Iso3, year, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Storage could not be read for an upload of {Country} {Year}", state.Iso3, year);
            return Unavailable();
        }
        if (locked is not null)
            return UploadTermsReader.LockedRefusal(state, year, locked);

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
    /// A note of the intake first, then the raw file, then the record (with its content marker, removing the note,
    /// atomically), then the queue message. Only after all of them is the upload acknowledged. The same bytes sent
    /// before are found when the record cannot be created beside the earlier one's content marker; nothing is looked up
    /// first, so a new upload, the common case, costs no extra request. A failure undoes what was done and answers 503;
    /// when the undoing fails too (storage is down), what is left is found by the sweep: a note without its record (the
    /// raw file is removed) or a queued record without a message (it is queued again).
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
            created = await _submissions.TryCreateAsync(submission, note, cancellationToken);
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
            // The same bytes were sent before (or by a concurrent upload that won the race): answer with that submission and drop our copy.
            await UndoAsync(submission, note, recordCreated: false);
            return await ExistingAsync(submission, cancellationToken);
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
        _logger.LogInformation("Submission {SubmissionId} received: {Country} {Year}, {Size} bytes, {Format}", submission.Id, submission.Country, submission.Year, submission.Size, submission.Format);
        return IntakeResult.New(submission);
    }

    /// <summary>
    /// The submission with the same bytes as <paramref name="submission"/>. One still queued long after lost its message
    /// in an outage, so it is queued again.
    /// </summary>
    private async Task<IntakeResult> ExistingAsync(Submission submission, CancellationToken cancellationToken)
    {
        try
        {
            var existing = await _submissions.FindByContentAsync(submission.Country, submission.Year, submission.Sha256, cancellationToken);
            if (existing is null) return Unavailable();
            if (_requeue.IsStale(existing))
            {
                _logger.LogWarning("Submission {SubmissionId} was still queued; the same bytes arrived again and it is queued again", existing.Id);
                existing = await _requeue.RequeueAsync(existing, cancellationToken);
            }
            return IntakeResult.Existing(existing);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "The submission with the same bytes as {SubmissionId} could not be read", submission.Id);
            return Unavailable();
        }
    }

    /// <summary>
    /// Undoes an upload that was not acknowledged, in the order that never leaves a raw file without either its record
    /// or the note that lets the sweep remove it: the record is swapped back for the note (when it was, or may have
    /// been, created: null means look), then the raw file and the note are removed. Stops at the first failure and
    /// leaves the rest to the sweep.
    /// </summary>
    private async Task UndoAsync(Submission submission, PendingIntake note, bool? recordCreated)
    {
        try
        {
            recordCreated ??= await _submissions.FindAsync(submission.Id, CancellationToken.None) is not null;
            if (recordCreated == true) await _submissions.UndoCreateAsync(submission, note, CancellationToken.None);
            await _rawFiles.DeleteAsync(note.RawFileName, CancellationToken.None);
            await _submissions.EndIntakeAsync(note, CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Undoing submission {SubmissionId} did not complete; the sweep will finish it", submission.Id);
        }
    }

    private static IntakeResult Unavailable(string? detail = null) => IntakeResult.Refused(IntakeRefusal.Unavailable,
        detail ?? "Storage cannot take the upload right now; nothing was kept. Please send it again in a few minutes.");

    /// <summary>The blob name of a submission's raw file: by state, year and submission, so one state's files never mix with another's.</summary>
    public static string RawFileName(Submission submission) =>
        $"{submission.Country}/{submission.Year}/{submission.Id}/{submission.FileName}";
}

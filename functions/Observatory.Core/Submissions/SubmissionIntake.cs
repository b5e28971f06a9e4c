using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Observatory.Core.Languages;
using Observatory.Core.Ports;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;

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
    private readonly ReferenceDataSet _referenceData;
    private readonly TimeProvider _clock;
    private readonly ObservatoryOptions _options;
    private readonly SubmissionRequeue _requeue;
    private readonly ILogger<SubmissionIntake> _logger;

    /// <summary>Creates the intake over its stores.</summary>
    public SubmissionIntake(ISubmissionStore submissions, IRawFileStore rawFiles, IWorkQueue queue, IStateYearLocks locks, ReferenceDataSet referenceData,
        ObservatoryOptions options, SubmissionRequeue requeue, TimeProvider clock, ILogger<SubmissionIntake> logger)
    {
        _options = options;
        _requeue = requeue;
        _locks = locks;
        _submissions = submissions;
        _rawFiles = rawFiles;
        _queue = queue;
        _referenceData = referenceData;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Receives one upload. Storage failures are answered as <see cref="IntakeRefusal.Unavailable"/> with nothing kept;
    /// a cancelled <paramref name="cancellationToken"/> (the client hung up) stops it with an <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<IntakeResult> ReceiveAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller;
        MemberState? state;
        if (string.IsNullOrWhiteSpace(request.Country))
        {
            state = caller.Country is null ? null : _referenceData.States.FindByIso3(caller.Country);
            if (state is null)
                return IntakeResult.Refused(IntakeRefusal.InvalidParameters, "The 'country' parameter is required: give the ISO3 code of the reporting state, e.g. country=MEX.");
        }
        else if (!_referenceData.States.TryResolve(request.Country, out state))
        {
            return IntakeResult.Refused(IntakeRefusal.InvalidParameters, $"'{request.Country}' is not a member state. Give its ISO3 code, e.g. country=MEX.");
        }
        if (!caller.CanActFor(state.Iso3))
            return IntakeResult.Refused(IntakeRefusal.Forbidden, $"This key belongs to {caller.Country}; it cannot submit for {state.Iso3}.");

        var language = state.Language;
        if (!string.IsNullOrWhiteSpace(request.Language) && !LanguageCodes.TryParse(request.Language, out language))
            return IntakeResult.Refused(IntakeRefusal.InvalidParameters, $"'{request.Language}' is not a language of the observatory: use en, es, pt or fr.");

        SubmissionMode? mode = string.IsNullOrWhiteSpace(request.Mode) ? SubmissionMode.Replace : request.Mode.Trim().ToLowerInvariant() switch
        {
            "replace" => SubmissionMode.Replace,
            "amend" => SubmissionMode.Amend,
            _ => null,
        };
        if (mode is null)
            return IntakeResult.Refused(IntakeRefusal.InvalidParameters, $"'{request.Mode}' is not a mode: use mode=replace (the file is the whole return, the default) or mode=amend (only the cells in the file change).");

        if (request.Content.IsEmpty)
            return IntakeResult.Refused(IntakeRefusal.InvalidParameters, "The request has no file: send the file as the body, or as the field 'file' of a multipart form.");
        var format = ReturnReader.DetectFormat(request.ContentType, request.FileName, request.Content.Span[..Math.Min(512, request.Content.Length)]);
        if (format is null)
            return IntakeResult.Refused(IntakeRefusal.UnsupportedFormat, "The file is not an xlsx workbook, a csv file or a JSON document. Old .xls workbooks must be saved as .xlsx.");

        int year;
        if (!string.IsNullOrWhiteSpace(request.Year))
        {
            if (!int.TryParse(request.Year, NumberStyles.None, CultureInfo.InvariantCulture, out year) || year < 1990 || year > _clock.GetUtcNow().Year)
                return IntakeResult.Refused(IntakeRefusal.InvalidParameters, $"'{request.Year}' is not a reporting year: give a year from 1990 to {_clock.GetUtcNow().Year}, e.g. year=2025.");
        }
        else
        {
            var scan = StatedYearScan.Find(request.Content, format.Value, request.FileName, _referenceData,
                _options.YearScanBytes, TimeSpan.FromSeconds(_options.YearScanSeconds), cancellationToken);
            if (scan.Year is { } stated)
                year = stated;
            else if (scan.GaveUp)
                return IntakeResult.Refused(IntakeRefusal.InvalidParameters,
                    "The reporting year was not found at the start of the file; give it as the 'year' parameter, e.g. year=2025.");
            else
                return IntakeResult.Refused(IntakeRefusal.InvalidParameters, "The 'year' parameter is required when the file does not state its reporting year, e.g. year=2025.");
        }
        if (!state.ParticipatedIn(year))
            return IntakeResult.Refused(IntakeRefusal.InvalidParameters, $"{state.Names.En} does not take part in the observatory for {year}; staff can tell you more.");

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
            return IntakeResult.Refused(IntakeRefusal.Locked,
                $"The data of {state.Names.En} for {year} is locked{(string.IsNullOrWhiteSpace(locked.Reason) ? "" : $" ({locked.Reason})")}; no new submission is accepted until staff unlock it. Contact the observatory's staff to correct published data.");
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
            FileName = FileNames.Sanitize(request.FileName, format.Value),
            ContentType = string.IsNullOrWhiteSpace(request.ContentType) ? FileNames.ContentTypeOf(format.Value) : request.ContentType,
            Format = format.Value,
            Sha256 = sha256,
            Size = request.Content.Length,
            Language = language,
            SubmittedBy = caller.Name,
            Mode = mode.Value,
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

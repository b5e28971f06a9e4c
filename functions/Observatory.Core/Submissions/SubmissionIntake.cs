using System.Globalization;
using System.Runtime.InteropServices;
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
    private readonly ILogger<SubmissionIntake> _logger;

    /// <summary>Creates the intake over its stores.</summary>
    public SubmissionIntake(ISubmissionStore submissions, IRawFileStore rawFiles, IWorkQueue queue, IStateYearLocks locks, ReferenceDataSet referenceData, TimeProvider clock, ILogger<SubmissionIntake> logger)
    {
        _locks = locks;
        _submissions = submissions;
        _rawFiles = rawFiles;
        _queue = queue;
        _referenceData = referenceData;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Receives one upload.</summary>
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
        else if (StatedYear(request.Content, format.Value, request.FileName) is { } stated)
        {
            year = stated;
        }
        else
        {
            return IntakeResult.Refused(IntakeRefusal.InvalidParameters, "The 'year' parameter is required when the file does not state its reporting year, e.g. year=2025.");
        }
        if (!state.ParticipatedIn(year))
            return IntakeResult.Refused(IntakeRefusal.InvalidParameters, $"{state.Names.En} does not take part in the observatory for {year}; staff can tell you more.");

        if (await _locks.FindAsync(state.Iso3, year, cancellationToken) is { } locked)
            return IntakeResult.Refused(IntakeRefusal.Locked,
                $"The data of {state.Names.En} for {year} is locked{(string.IsNullOrWhiteSpace(locked.Reason) ? "" : $" ({locked.Reason})")}; no new submission is accepted until staff unlock it. Contact the observatory's staff to correct published data.");

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content.Span));
        if (await _submissions.FindByContentAsync(state.Iso3, year, sha256, cancellationToken) is { } existing)
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
    /// Raw file first, then the record (with its content marker, atomically), then the queue message. Only after all
    /// three is the upload acknowledged; a failure undoes what was done, so nothing half-stored is left behind.
    /// </summary>
    private async Task<IntakeResult> StoreAndQueueAsync(Submission submission, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var rawName = RawFileName(submission);
        await using (var stream = ReadOnlyStream(content))
            await _rawFiles.SaveAsync(rawName, stream, submission.ContentType, cancellationToken);

        if (!await _submissions.TryCreateAsync(submission, cancellationToken))
        {
            // Another upload of the same bytes won the race: answer with it and drop our copy.
            await _rawFiles.DeleteAsync(rawName, CancellationToken.None);
            var winner = await _submissions.FindByContentAsync(submission.Country, submission.Year, submission.Sha256, cancellationToken);
            return winner is null
                ? IntakeResult.Refused(IntakeRefusal.Unavailable, "The upload could not be stored; please send it again.")
                : IntakeResult.Existing(winner);
        }

        try
        {
            await _queue.EnqueueSubmissionAsync(submission.Id, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Submission {SubmissionId} could not be queued; the upload is undone", submission.Id);
            await _submissions.DeleteAsync(submission, CancellationToken.None);
            await _rawFiles.DeleteAsync(rawName, CancellationToken.None);
            return IntakeResult.Refused(IntakeRefusal.Unavailable, "The upload could not be queued for processing; nothing was kept. Please send it again in a few minutes.");
        }
        _logger.LogInformation("Submission {SubmissionId} received: {Country} {Year}, {Size} bytes, {Format}", submission.Id, submission.Country, submission.Year, submission.Size, submission.Format);
        return IntakeResult.New(submission);
    }

    /// <summary>The blob name of a submission's raw file: by state, year and submission, so one state's files never mix with another's.</summary>
    public static string RawFileName(Submission submission) =>
        $"{submission.Country}/{submission.Year}/{submission.Id}/{submission.FileName}";

    private int? StatedYear(ReadOnlyMemory<byte> content, ReturnFormat format, string? fileName)
    {
        using var parsed = ReturnReader.Open(ReadOnlyStream(content), format, fileName, _referenceData);
        if (TryYear(parsed.StatedYear?.Cell.Value) is { } stated) return stated;
        // A year column: the first data row that has one settles it; the validator checks the others.
        foreach (var record in parsed.Records.Take(50))
            if (TryYear(record.Get(ReturnColumn.Year)?.Value) is { } year) return year;
        return null;
    }

    /// <summary>
    /// A stream over the upload's bytes without copying them: an upload may be 25 MB and is read more than once.
    /// </summary>
    private static MemoryStream ReadOnlyStream(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static int? TryYear(CellValue? cell)
    {
        if (cell is not { } value) return null;
        if (value.Number is { } number && number == Math.Floor(number) && number is >= 1990 and <= 2100) return (int)number;
        return int.TryParse(value.Text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 1990 and <= 2100 ? parsed : null;
    }
}

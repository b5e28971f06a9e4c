using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Observatory.Core.Ports;

namespace Observatory.Core.Submissions;

/// <summary>
/// Checks a return without submitting it: the same terms and refusals as an upload, then the same reading and
/// validation as a queued submission (last year's data and the state-year's lock are read), at once and inside the
/// request. Nothing is written: no raw file, no record, no version, no report, no audit entry; only a counter of
/// dry runs in the process's metrics.
/// </summary>
public sealed class DryRun
{
    /// <summary>The name of the meter that counts dry runs ("observatory.dry_runs", by verdict).</summary>
    public const string MeterName = "Observatory.Submissions";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Runs = Meter.CreateCounter<long>("observatory.dry_runs", description: "Returns checked without being submitted, by verdict.");

    private readonly UploadTermsReader _terms;
    private readonly IStateYearLocks _locks;
    private readonly ReturnValidation _validation;
    private readonly TimeProvider _clock;
    private readonly ILogger<DryRun> _logger;

    /// <summary>Creates the dry run over the readers it shares with the intake and the processor.</summary>
    public DryRun(UploadTermsReader terms, IStateYearLocks locks, ReturnValidation validation, TimeProvider clock, ILogger<DryRun> logger)
    {
        _terms = terms;
        _locks = locks;
        _validation = validation;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Checks one file. A bad request is refused as an upload would be (<see cref="IntakeRefusal"/>), a locked
    /// state-year too. Storage faults (reading the lock or last year's data) and a cancelled
    /// <paramref name="cancellationToken"/> (the client hung up; the file's reading stops at its next read) are thrown.
    /// </summary>
    public async Task<DryRunResult> CheckAsync(IntakeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (terms, refusal) = _terms.Read(request, cancellationToken);
        if (terms is null) return DryRunResult.Refused(refusal!);

        // The lock and last year's data are read side by side: one wait for storage instead of two.
        var locking = _locks.FindAsync(terms.State.Iso3, terms.Year, cancellationToken);
        var context = _validation.ContextAsync(terms.State, terms.Year, cancellationToken);
        await Task.WhenAll(locking, context);
        if (await locking is { } locked)
            return DryRunResult.Refused(UploadTermsReader.LockedRefusal(terms.State, terms.Year, locked));

        var checkedAt = _clock.GetUtcNow();
        var fileName = FileNames.Sanitize(request.FileName, terms.Format);
        Validation.ValidationOutcome outcome;
        await using (var content = new ReadBudgetStream(StatedYearScan.ReadOnlyStream(request.Content), long.MaxValue, cancellationToken))
            outcome = _validation.Validate(await context, content, terms.Format, fileName);

        // The file as a submission would describe it, held only for the answer: it has no id and is never stored.
        var described = new Submission
        {
            Id = string.Empty,
            Country = terms.State.Iso3,
            Year = terms.Year,
            Status = outcome.Accepted ? SubmissionStatus.Accepted : SubmissionStatus.Rejected,
            ReceivedAt = checkedAt,
            CompletedAt = _clock.GetUtcNow(),
            FileName = fileName,
            ContentType = string.IsNullOrWhiteSpace(request.ContentType) ? FileNames.ContentTypeOf(terms.Format) : request.ContentType,
            Format = terms.Format,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(request.Content.Span)),
            Size = request.Content.Length,
            Language = terms.Language,
            SubmittedBy = request.Caller.Name,
            Mode = terms.Mode,
            Counts = new SubmissionCounts(outcome.Rows, outcome.Accepted ? outcome.Observations.Count : 0, outcome.ErrorCount, outcome.WarningCount),
        };
        Runs.Add(1, new KeyValuePair<string, object?>("verdict", outcome.Accepted ? "valid" : "invalid"));
        _logger.LogInformation("Dry run of {Country} {Year}: {Verdict}, {Rows} rows, {Errors} errors, {Warnings} warnings; nothing stored",
            described.Country, described.Year, outcome.Accepted ? "valid" : "invalid", outcome.Rows, outcome.ErrorCount, outcome.WarningCount);
        return DryRunResult.Checked(described, new SubmissionReport(string.Empty, outcome.Errors, outcome.Warnings) { Omitted = outcome.Omitted });
    }
}

/// <summary>What a dry run gave: the file's verdict and report, or the refusal an upload of it would have met.</summary>
public sealed record DryRunResult
{
    /// <summary>The file as a submission of it would be described (status accepted or rejected, counts); never stored.</summary>
    public Submission? File { get; private init; }

    /// <summary>The problems found, in detail up to the report's limit and counted beyond it.</summary>
    public SubmissionReport? Report { get; private init; }

    /// <summary>Why the file was not checked, when it was not.</summary>
    public IntakeRefusal? Refusal { get; private init; }

    /// <summary>A message saying what to do, when refused.</summary>
    public string? Detail { get; private init; }

    /// <summary>True when the file has no error: sent as it is, it would be accepted.</summary>
    public bool Valid => File?.Status == SubmissionStatus.Accepted;

    /// <summary>The verdict as the API names it: "valid" or "invalid"; null when refused.</summary>
    public string? Verdict => File is null ? null : Valid ? "valid" : "invalid";

    /// <summary>A checked file.</summary>
    public static DryRunResult Checked(Submission file, SubmissionReport report) => new() { File = file, Report = report };

    /// <summary>A refusal, as the intake words it.</summary>
    public static DryRunResult Refused(IntakeResult refusal) => new() { Refusal = refusal.Refusal, Detail = refusal.Detail };
}

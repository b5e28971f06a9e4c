using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Observatory.Core.Ports;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Security;

namespace Observatory.Core.Submissions;

/// <summary>
/// Large returns that bypass the HTTP function's request limit: a focal point asks for a short-lived, write-only URL to
/// one blob under its own state's path, uploads to Blob Storage directly, and the blob-created event brings the file
/// into the same intake as an HTTP upload: same checks, same statuses.
/// </summary>
public sealed class DirectUploads
{
    /// <summary>How long an upload URL works.</summary>
    public static readonly TimeSpan UrlLifetime = TimeSpan.FromMinutes(15);

    /// <summary>The largest file taken through a direct upload.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    private readonly IDirectUploadStore _store;
    private readonly SubmissionIntake _intake;
    private readonly ReferenceDataSet _referenceData;
    private readonly TimeProvider _clock;
    private readonly ILogger<DirectUploads> _logger;

    /// <summary>Creates the service.</summary>
    public DirectUploads(IDirectUploadStore store, SubmissionIntake intake, ReferenceDataSet referenceData, TimeProvider clock, ILogger<DirectUploads> logger)
    {
        _store = store;
        _intake = intake;
        _referenceData = referenceData;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Issues an upload URL for the caller's state (or, for staff, the state given). Returns the ticket and URL, or
    /// the refusal with the same meaning as an HTTP upload's.
    /// </summary>
    public async Task<(UploadTicket? Ticket, Uri? Url, IntakeRefusal? Refusal, string? Detail)> IssueAsync(
        Caller caller, string? country, string? year, string? fileName, string? language, string? mode, CancellationToken cancellationToken)
    {
        MemberState? state;
        if (string.IsNullOrWhiteSpace(country)) state = caller.Country is null ? null : _referenceData.States.FindByIso3(caller.Country);
        else if (!_referenceData.States.TryResolve(country, out state)) state = null;
        if (state is null)
            return (null, null, IntakeRefusal.InvalidParameters, "Give the reporting state: country=MEX.");
        if (!caller.CanActFor(state.Iso3))
            return (null, null, IntakeRefusal.Forbidden, $"This key belongs to {caller.Country}; it cannot upload for {state.Iso3}.");
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var reportingYear) || reportingYear < 1990 || reportingYear > _clock.GetUtcNow().Year)
            return (null, null, IntakeRefusal.InvalidParameters, "Give the reporting year: year=2025.");

        var name = FileNames.Sanitize(fileName, ExtensionFormat(fileName));
        var uploadId = $"{state.Iso3}-{reportingYear}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var now = _clock.GetUtcNow();
        var ticket = new UploadTicket(uploadId, state.Iso3, reportingYear, $"{state.Iso3}/{reportingYear}/{uploadId}/{name}",
            language, mode, caller.Name, now, now + UrlLifetime);
        await _store.SaveTicketAsync(ticket, cancellationToken);
        var url = await _store.CreateUploadUrlAsync(ticket.BlobName, ticket.ExpiresAt, cancellationToken);
        return (ticket, url, null, null);
    }

    /// <summary>The ticket of an upload id, for its state's focal point; null when unknown.</summary>
    public Task<UploadTicket?> FindAsync(string uploadId, CancellationToken cancellationToken) => _store.FindTicketAsync(uploadId, cancellationToken);

    /// <summary>
    /// Takes a blob that arrived in the uploads container into the intake. A blob without a matching ticket (a path
    /// nobody was given a URL for) is ignored and logged. Idempotent: a repeated event finds the same submission.
    /// </summary>
    public async Task<IntakeResult?> ReceiveAsync(string blobName, CancellationToken cancellationToken)
    {
        var parts = blobName.Split('/');
        var ticket = parts.Length == 4 ? await _store.FindTicketAsync(parts[2], cancellationToken) : null;
        if (ticket is null || ticket.BlobName != blobName)
        {
            _logger.LogWarning("An upload arrived at {BlobName} with no ticket for that path; it is ignored", blobName);
            return null;
        }
        var blob = await _store.ReadAsync(blobName, MaxBytes, cancellationToken);
        if (blob is null)
        {
            _logger.LogInformation("Upload {UploadId}: the blob is gone (already received)", ticket.UploadId);
            return null;
        }

        // The ticket's requester acts for the ticket's state only: the path decides the state, never the file.
        var caller = ticket.RequestedBy == "admin" ? Caller.Admin() : Caller.FocalPoint(ticket.Country, ticket.RequestedBy);
        var result = await _intake.ReceiveAsync(new IntakeRequest(caller, ticket.Country, ticket.Year.ToString(CultureInfo.InvariantCulture),
            ticket.Language, parts[3], blob.Value.ContentType, blob.Value.Content, ticket.Mode), cancellationToken);
        if (result.Refusal == IntakeRefusal.Unavailable)
            throw new InvalidOperationException($"Upload {ticket.UploadId} could not be stored; the event will be retried.");

        await _store.UpdateTicketAsync(ticket with { SubmissionId = result.Submission?.Id, Refusal = result.Detail }, cancellationToken);
        await _store.DeleteAsync(blobName, cancellationToken);
        _logger.LogInformation("Upload {UploadId} received as submission {SubmissionId}", ticket.UploadId, result.Submission?.Id ?? "(refused)");
        return result;
    }

    private static ReturnFormat ExtensionFormat(string? fileName) => Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant() switch
    {
        ".csv" or ".tsv" or ".txt" => ReturnFormat.Csv,
        ".json" => ReturnFormat.Json,
        _ => ReturnFormat.Xlsx,
    };
}

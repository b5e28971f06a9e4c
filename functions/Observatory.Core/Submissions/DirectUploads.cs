using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Observatory.Core.Ports;
using Observatory.Core.Reading;
using Observatory.Core.Reporting;
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

    private readonly IDirectUploadStore _store;
    private readonly IApiKeyStore _keys;
    private readonly long _maxBytes;
    private readonly SubmissionIntake _intake;
    private readonly ReportingPolicy _policy;
    private readonly TimeProvider _clock;
    private readonly ILogger<DirectUploads> _logger;

    /// <summary>Creates the service.</summary>
    public DirectUploads(IDirectUploadStore store, IApiKeyStore keys, SubmissionIntake intake, ReportingPolicy policy, ObservatoryOptions options,
        TimeProvider clock, ILogger<DirectUploads> logger)
    {
        _maxBytes = options.MaxDirectUploadBytes;
        _store = store;
        _keys = keys;
        _intake = intake;
        _policy = policy;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The largest file taken through a direct upload (<see cref="ObservatoryOptions.MaxDirectUploadBytes"/>).</summary>
    public long MaxBytes => _maxBytes;

    /// <summary>
    /// Issues an upload URL for the caller's state (or, for staff, the state given). Returns the ticket and URL, or
    /// the refusal with the same meaning as an HTTP upload's.
    /// </summary>
    public async Task<(UploadTicket? Ticket, Uri? Url, IntakeRefusal? Refusal, string? Detail)> IssueAsync(
        Caller caller, string? country, string? year, string? fileName, string? language, string? mode, CancellationToken cancellationToken)
    {
        var choice = _policy.StateFor(caller, country);
        if (choice.State is not { } state)
            return (null, null, choice.Refusal == StateRefusal.Forbidden ? IntakeRefusal.Forbidden : IntakeRefusal.InvalidParameters, choice.Detail);
        var given = _policy.ReadYear(year);
        if (given.Year is not { } reportingYear)
            return (null, null, IntakeRefusal.InvalidParameters, given.Refusal ?? _policy.Years.Missing);
        if (_policy.RefuseParticipation(state, reportingYear) is { } notTakingPart)
            return (null, null, IntakeRefusal.InvalidParameters, notTakingPart);

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
    /// Takes a blob that arrived in the uploads container into the intake. A ticket is used once: a blob without a
    /// matching ticket (a path nobody was given a URL for) is ignored and logged, and one that arrives at a ticket
    /// already used (a second PUT to the same URL) is deleted without a second submission; one that arrives while another
    /// version of the blob is being taken in throws <see cref="UploadAlreadyClaimedException"/> (its event is delivered
    /// again, and finds the ticket used). A blob whose key was
    /// revoked after the URL was issued, or over <see cref="MaxBytes"/>, is refused: the ticket says why and the blob
    /// is deleted. Throws when storage fails, so the event is retried, and after its retries
    /// <see cref="FailAsync"/> gives the upload its final answer.
    /// </summary>
    public async Task<IntakeResult?> ReceiveAsync(string blobName, CancellationToken cancellationToken)
    {
        var ticket = await TicketOfAsync(blobName, cancellationToken);
        if (ticket is null) return null;
        if (ticket.IsUsed)
        {
            _logger.LogWarning("Upload {UploadId} was already received; the blob that arrived again is deleted", ticket.UploadId);
            await _store.DeleteAsync(blobName, cancellationToken);
            return null;
        }
        if (!await RequesterStillHoldsKeyAsync(ticket, cancellationToken))
        {
            await RefuseAsync(ticket, "The key that asked for this upload URL was revoked before the file arrived; nothing was taken in. Ask the observatory's staff for a new key.", cancellationToken);
            return null;
        }

        (byte[] Content, string? ContentType, string Version)? blob;
        try
        {
            blob = await _store.ReadAsync(blobName, _maxBytes, cancellationToken);
        }
        catch (InvalidDataException)
        {
            await RefuseAsync(ticket, $"The file is larger than the {Megabytes(_maxBytes)} MB a direct upload may have; nothing was taken in. Split it by indicator and upload each part with a new URL.", cancellationToken);
            return null;
        }
        if (blob is null)
        {
            _logger.LogInformation("Upload {UploadId}: the blob is gone (already received)", ticket.UploadId);
            return null;
        }

        // Single use, atomically: two PUTs to the URL make two versions of the blob and two events, which may be
        // handled at the same moment, both past the IsUsed check above. Only the version that claims the ticket first
        // is taken in; the other event is delivered again later, by when the ticket is used (its blob deleted with it).
        var claimedFor = await _store.ClaimAsync(ticket, blob.Value.Version, cancellationToken);
        if (claimedFor != blob.Value.Version)
        {
            _logger.LogWarning("Upload {UploadId}: another version of its blob was taken in first; this one makes no submission", ticket.UploadId);
            throw new UploadAlreadyClaimedException(ticket.UploadId);
        }

        // The ticket's requester acts for the ticket's state only: the path decides the state, never the file.
        var caller = ticket.RequestedBy == "admin" ? Caller.Admin() : Caller.FocalPoint(ticket.Country, ticket.RequestedBy);
        var result = await _intake.ReceiveAsync(new IntakeRequest(caller, ticket.Country, ticket.Year.ToString(CultureInfo.InvariantCulture),
            ticket.Language, blobName.Split('/')[3], blob.Value.ContentType, blob.Value.Content, ticket.Mode), cancellationToken);
        if (result.Refusal == IntakeRefusal.Unavailable)
            throw new InvalidOperationException($"Upload {ticket.UploadId} could not be stored; the event will be retried.");

        await _store.UpdateTicketAsync(ticket with { SubmissionId = result.Submission?.Id, Refusal = result.Detail }, cancellationToken);
        await _store.DeleteAsync(blobName, cancellationToken);
        _logger.LogInformation("Upload {UploadId} received as submission {SubmissionId}", ticket.UploadId, result.Submission?.Id ?? "(refused)");
        return result;
    }

    /// <summary>
    /// The final answer of an upload whose event failed every retry (it reached the upload-events poison queue): the
    /// ticket says the file could not be taken in, and the blob is deleted. Nothing for a ticket already used.
    /// </summary>
    public async Task FailAsync(string blobName, CancellationToken cancellationToken)
    {
        var ticket = await TicketOfAsync(blobName, cancellationToken);
        if (ticket is null) return;
        if (ticket.IsUsed)
        {
            await _store.DeleteAsync(blobName, cancellationToken);
            return;
        }
        _logger.LogError("Upload {UploadId} could not be taken in after the queue's retries", ticket.UploadId);
        await RefuseAsync(ticket, "The uploaded file could not be taken in after several attempts; nothing was kept. Please ask for a new upload URL and send it again.", cancellationToken);
    }

    private async Task<UploadTicket?> TicketOfAsync(string blobName, CancellationToken cancellationToken)
    {
        var parts = blobName.Split('/');
        var ticket = parts.Length == 4 ? await _store.FindTicketAsync(parts[2], cancellationToken) : null;
        if (ticket is null || ticket.BlobName != blobName)
        {
            _logger.LogWarning("An upload arrived at {BlobName} with no ticket for that path; it is ignored", blobName);
            return null;
        }
        return ticket;
    }

    /// <summary>A ticket dies with its key: false when the key that asked for it is revoked (or gone). Staff and platform identities have no key to revoke.</summary>
    private async Task<bool> RequesterStillHoldsKeyAsync(UploadTicket ticket, CancellationToken cancellationToken)
    {
        const string keyPrefix = "key:";
        if (!ticket.RequestedBy.StartsWith(keyPrefix, StringComparison.Ordinal)) return true;
        var key = await _keys.FindAsync(ticket.RequestedBy[keyPrefix.Length..], cancellationToken);
        return key is { RevokedAt: null };
    }

    private async Task RefuseAsync(UploadTicket ticket, string reason, CancellationToken cancellationToken)
    {
        _logger.LogWarning("Upload {UploadId} refused: {Reason}", ticket.UploadId, reason);
        await _store.UpdateTicketAsync(ticket with { Refusal = reason }, cancellationToken);
        await _store.DeleteAsync(ticket.BlobName, cancellationToken);
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024)).ToString("0.##", CultureInfo.InvariantCulture);

    private static ReturnFormat ExtensionFormat(string? fileName) => Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant() switch
    {
        ".csv" or ".tsv" or ".txt" => ReturnFormat.Csv,
        ".json" => ReturnFormat.Json,
        _ => ReturnFormat.Xlsx,
    };
}

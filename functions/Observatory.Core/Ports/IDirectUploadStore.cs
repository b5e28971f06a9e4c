using Observatory.Core.Submissions;

namespace Observatory.Core.Ports;

/// <summary>
/// The container focal points and national systems upload large returns to directly, with a short-lived, write-only
/// URL to one blob; and the tickets that say who asked for each URL.
/// </summary>
public interface IDirectUploadStore
{
    /// <summary>
    /// A URL that lets its holder create the one blob <paramref name="blobName"/> until <paramref name="expiresOn"/>:
    /// create and write only, no read, list or delete, and no other blob.
    /// </summary>
    Task<Uri> CreateUploadUrlAsync(string blobName, DateTimeOffset expiresOn, CancellationToken cancellationToken);

    /// <summary>Stores a ticket.</summary>
    Task SaveTicketAsync(UploadTicket ticket, CancellationToken cancellationToken);

    /// <summary>The ticket of an upload id, or null.</summary>
    Task<UploadTicket?> FindTicketAsync(string uploadId, CancellationToken cancellationToken);

    /// <summary>Records the submission an upload became.</summary>
    Task UpdateTicketAsync(UploadTicket ticket, CancellationToken cancellationToken);

    /// <summary>
    /// Reads an uploaded blob whole, with its content type and version (its ETag: each PUT to the URL makes a new one);
    /// null when it does not exist. The content is that of the version returned, even when another PUT lands meanwhile.
    /// </summary>
    /// <exception cref="InvalidDataException">The blob is larger than <paramref name="maxBytes"/>; nothing of it is read.</exception>
    Task<(byte[] Content, string? ContentType, string Version)?> ReadAsync(string blobName, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Claims <paramref name="ticket"/> for one version of its blob, atomically: the first claim is kept (a create that
    /// fails when a claim exists), and every later claim, of any version, gets that first one back. Returns the version
    /// the ticket is claimed for: <paramref name="version"/> when this call (or an earlier delivery of the same event) won.
    /// </summary>
    Task<string> ClaimAsync(UploadTicket ticket, string version, CancellationToken cancellationToken);

    /// <summary>Deletes an uploaded blob once it has become a submission (the raw store keeps the file).</summary>
    Task DeleteAsync(string blobName, CancellationToken cancellationToken);
}

namespace Observatory.Core.Submissions;

/// <summary>An issued direct-upload URL: for which state, year and blob, asked by whom, and what it became.</summary>
/// <param name="UploadId">The id, "MEX-2025-{random}": it carries its state and year as submission ids do.</param>
/// <param name="Country">ISO3 of the state the upload is for; the blob lies under it.</param>
/// <param name="Year">The reporting year.</param>
/// <param name="BlobName">The one blob the URL may create: "{country}/{year}/{uploadId}/{file name}".</param>
/// <param name="Language">The lang parameter given, or null.</param>
/// <param name="Mode">The mode parameter given, or null.</param>
/// <param name="RequestedBy">Who asked for the URL (a key id or "admin").</param>
/// <param name="CreatedAt">When the URL was issued.</param>
/// <param name="ExpiresAt">When the URL stops working.</param>
/// <param name="SubmissionId">The submission the upload became, once received.</param>
/// <param name="Refusal">Why the upload was refused, when it was (bad parameters, locked, not a return).</param>
public sealed record UploadTicket(string UploadId, string Country, int Year, string BlobName, string? Language, string? Mode,
    string RequestedBy, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, string? SubmissionId = null, string? Refusal = null)
{
    /// <summary>True once a file arrived for the ticket and got its answer: a ticket is used once.</summary>
    public bool IsUsed => SubmissionId is not null || Refusal is not null;
}

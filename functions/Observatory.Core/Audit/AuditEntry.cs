namespace Observatory.Core.Audit;

/// <summary>
/// One action that changed state, as the audit log keeps it. Holds who acted by key id (or "admin", or the schedule),
/// never a key, a key's hash or anyone's personal data.
/// </summary>
/// <param name="Id">Unique and ordered: entries are never overwritten.</param>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Action">What was done: one of <see cref="AuditActions.All"/>.</param>
/// <param name="Actor">Who did it: a key id, "admin", a platform identity's name, or "schedule".</param>
/// <param name="Country">The state concerned (ISO3), when one is.</param>
/// <param name="Year">The reporting year concerned, when one is.</param>
/// <param name="Subject">What it was done to: a key id, a submission id, a snapshot version.</param>
/// <param name="Detail">A short, non-personal detail (a lock's reason, a submission's mode).</param>
public sealed record AuditEntry(string Id, DateTimeOffset At, string Action, string Actor, string? Country, int? Year, string? Subject, string? Detail);

/// <summary>The actions the audit log records.</summary>
public static class AuditActions
{
    /// <summary>Staff issued a focal point's key.</summary>
    public const string KeyIssued = "key.issued";
    /// <summary>Staff revoked a key.</summary>
    public const string KeyRevoked = "key.revoked";
    /// <summary>A return was uploaded and queued (a new submission).</summary>
    public const string SubmissionUploaded = "submission.uploaded";
    /// <summary>Staff put a failed submission back on the queue.</summary>
    public const string SubmissionReprocessed = "submission.reprocessed";
    /// <summary>Staff locked a state-year.</summary>
    public const string StateYearLocked = "lock.locked";
    /// <summary>Staff unlocked a state-year.</summary>
    public const string StateYearUnlocked = "lock.unlocked";
    /// <summary>A snapshot version was published.</summary>
    public const string SnapshotPublished = "snapshot.published";

    /// <summary>Staff registered an e-mail contact (the entry names its id, role and language, never the address).</summary>
    public const string ContactAdded = "contact.added";
    /// <summary>Staff removed an e-mail contact.</summary>
    public const string ContactRemoved = "contact.removed";

    /// <summary>Every action, in the order staff read them in filters.</summary>
    public static IReadOnlyList<string> All { get; } =
        [KeyIssued, KeyRevoked, SubmissionUploaded, SubmissionReprocessed, StateYearLocked, StateYearUnlocked, SnapshotPublished, ContactAdded, ContactRemoved];
}

/// <summary>What staff ask of the audit log.</summary>
/// <param name="From">Entries at or after this time; null for no bound.</param>
/// <param name="To">Entries before this time; null for no bound.</param>
/// <param name="Country">Only this state's entries; null for all.</param>
/// <param name="Action">Only this action; null for all.</param>
/// <param name="PageSize">Entries per page.</param>
/// <param name="ContinuationToken">Where the previous page stopped; null for the first page.</param>
public sealed record AuditQuery(DateTimeOffset? From, DateTimeOffset? To, string? Country, string? Action, int PageSize, string? ContinuationToken);

/// <summary>One page of the audit log, newest first.</summary>
/// <param name="Entries">The entries.</param>
/// <param name="ContinuationToken">Token of the next page; null on the last.</param>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? ContinuationToken);

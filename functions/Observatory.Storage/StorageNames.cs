namespace Observatory.Storage;

/// <summary>The names of the pipeline's tables, blob containers and queues, shared by the code, the local host and infra/.</summary>
public static class StorageNames
{
    /// <summary>The queue that carries submission ids to processing.</summary>
    public const string SubmissionsQueue = "submissions";

    /// <summary>Where the Functions host moves a submission message whose retries ran out.</summary>
    public const string SubmissionsPoisonQueue = SubmissionsQueue + "-poison";

    /// <summary>Submission records and their content markers, one partition per state and year.</summary>
    public const string SubmissionsTable = "submissions";

    /// <summary>Accepted observations, every version, one partition per state and year.</summary>
    public const string ObservationsTable = "observations";

    /// <summary>Focal-point keys, as hashes.</summary>
    public const string ApiKeysTable = "apikeys";

    /// <summary>The raw files as sent, private.</summary>
    public const string RawContainer = "raw";

    /// <summary>Validation reports, private.</summary>
    public const string ReportsContainer = "reports";

    /// <summary>Direct uploads through short-lived SAS URLs, private; a blob here becomes a submission.</summary>
    public const string UploadsContainer = "uploads";

    /// <summary>
    /// Blob-created events of the uploads container (Event Grid in Azure; the local host's emulation on Azurite), which
    /// carry direct uploads into the intake.
    /// </summary>
    public const string UploadEventsQueue = "upload-events";

    /// <summary>Where upload events whose retries ran out go.</summary>
    public const string UploadEventsPoisonQueue = UploadEventsQueue + "-poison";

    /// <summary>Published open data, written create-only; in Azure protected by version-level immutability.</summary>
    public const string SnapshotsContainer = "snapshots";

    /// <summary>
    /// The nightly table backups, one folder per backup; written create-only, in Azure versioned and immutable for the
    /// retention period.
    /// </summary>
    public const string BackupsContainer = "backups";

    /// <summary>The catalog of published snapshot versions.</summary>
    public const string SnapshotsTable = "snapshots";

    /// <summary>Leases that one instance holds at a time (a year's compile).</summary>
    public const string LocksTable = "locks";

    /// <summary>The queue that carries e-mail notifications to the sender.</summary>
    public const string NotificationsQueue = "notifications";

    /// <summary>Where a notification goes when it could not be sent after the queue's retries; staff see it.</summary>
    public const string NotificationsPoisonQueue = NotificationsQueue + "-poison";

    /// <summary>The states' e-mail contacts (personal data), one partition per state.</summary>
    public const string ContactsTable = "contacts";

    /// <summary>The notifications' outbox and the marker of each mail sent.</summary>
    public const string NotificationsTable = "notifications";

    /// <summary>The table of the audit log (append-only).</summary>
    public const string AuditTable = "audit";
}

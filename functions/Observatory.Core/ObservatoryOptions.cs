namespace Observatory.Core;

/// <summary>The pipeline's settings, bound from the configuration section "Observatory" (environment: Observatory__Name).</summary>
public sealed class ObservatoryOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Observatory";

    /// <summary>The staff key; admin access by key is off while it is empty. Comes from Key Vault in Azure.</summary>
    public string? AdminKey { get; set; }

    /// <summary>The largest upload accepted through the HTTP function, in bytes (default 25 MB).</summary>
    public long MaxUploadBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>The largest file taken through a direct upload (POST /api/uploads), in bytes (default 200 MB).</summary>
    public long MaxDirectUploadBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>
    /// How much of an upload the intake reads, inside the HTTP request, to find the reporting year a file states when
    /// the request gives none (default 8 MB): a csv's first bytes, a JSON document only when it is this small, an
    /// xlsx's zip entries up to this many bytes read. The rest is read by the queue's processing, never in the request.
    /// </summary>
    public long YearScanBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>The longest the intake spends looking for a file's stated year inside the HTTP request (default 3 s).</summary>
    public double YearScanSeconds { get; set; } = 3;

    /// <summary>
    /// A submission still queued this long after it was last put on the queue is taken to have lost its message (an
    /// outage between storing and queuing) and is queued again (default 10 minutes). An intake that stopped half-way
    /// is cleaned up after the same time.
    /// </summary>
    public double StaleSubmissionMinutes { get; set; } = 10;

    /// <summary>The Retry-After, in seconds, of a 503 when storage cannot take a request right now (default 30).</summary>
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>The longest label a key may have, in characters (default 200).</summary>
    public int MaxKeyLabelLength { get; set; } = 200;

    /// <summary>
    /// Protected counts from 1 to one less than this are suppressed in published outputs, and each keeps at least this
    /// minus one feasible values (default 5; below 3 is refused at start-up).
    /// </summary>
    public int SuppressionThreshold { get; set; } = 5;

    /// <summary>The e-mail notifications' recipients, links and calendar (section "Observatory:Notifications").</summary>
    public Notifications.NotificationOptions Notifications { get; set; } = new();

    /// <summary>
    /// Days a table backup is kept before the nightly run deletes it (default 35; the newest complete backup is always
    /// kept). In Azure the backups container's immutability policy lasts as long, so no one can delete one sooner.
    /// </summary>
    public int BackupRetentionDays { get; set; } = 35;

    /// <summary>
    /// True only where the platform's authentication (App Service Authentication) fronts the app, so that the
    /// X-MS-CLIENT-PRINCIPAL header can only have been set by the platform. Off by default: elsewhere anyone could forge it.
    /// </summary>
    public bool TrustPlatformAuthentication { get; set; }

    /// <summary>
    /// The limits every return is read and validated within (section "Observatory:Limits", e.g.
    /// <c>Observatory__Limits__MaxNoteChars</c>); docs/security.md lists them and their defaults.
    /// </summary>
    public Reading.ReturnLimits Limits { get; set; } = new();

    /// <summary>The default <see cref="PublisherName"/>.</summary>
    public const string DefaultPublisherName = "Inter-American Children's Institute (IIN-OAS)";

    /// <summary>The default <see cref="PublisherAddress"/>: the Institute's seat in Montevideo.</summary>
    public const string DefaultPublisherAddress = "Av. 8 de Octubre 2904, 11600 Montevideo, Uruguay";

    /// <summary>Who publishes the open data, as the citation, datapackage.json and datacite.json name it (Observatory__PublisherName).</summary>
    public string PublisherName { get; set; } = DefaultPublisherName;

    /// <summary>The publisher's postal address, in the citation metadata (Observatory__PublisherAddress).</summary>
    public string PublisherAddress { get; set; } = DefaultPublisherAddress;
}

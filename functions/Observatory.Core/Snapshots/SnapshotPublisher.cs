using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Observatory.Core.Observations;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Observatory.Core.Reporting;
using Observatory.Core.Snapshots.Disclosure;

namespace Observatory.Core.Snapshots;

/// <summary>
/// Compiles and publishes the annual snapshot of a reporting year: reads the current accepted data of every state,
/// has the compiler write every file create-only under a new version, and lists the version only once all are
/// written. One compile of a year runs at a time.
/// </summary>
public sealed class SnapshotPublisher
{
    // States are read a few at a time ahead of the compiler, which consumes them in ISO3 order.
    private const int ReadAhead = 4;
    /// <summary>
    /// How long a compile holds its year: longer than any compile runs. A compile cut off by a storage outage may be
    /// unable to give the lease back; the year can be compiled again when it expires.
    /// </summary>
    public static readonly TimeSpan CompileLease = TimeSpan.FromMinutes(30);
    private readonly IObservationStore _observations;
    private readonly ISnapshotStore _snapshots;
    private readonly IDisclosureReportStore _disclosureReports;
    private readonly IExclusiveLease _leases;
    private readonly ReferenceDataSet _referenceData;
    private readonly ObservatoryOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<SnapshotPublisher> _logger;
    private readonly Series.SeriesPublisher _series;
    private readonly ReportingPolicy _policy;

    /// <summary>Creates the publisher.</summary>
    public SnapshotPublisher(IObservationStore observations, ISnapshotStore snapshots, IDisclosureReportStore disclosureReports, IExclusiveLease leases,
        ReferenceDataSet referenceData, ObservatoryOptions options, TimeProvider clock, ILogger<SnapshotPublisher> logger, Series.SeriesPublisher series,
        ReportingPolicy policy)
    {
        _policy = policy;
        _series = series;
        _observations = observations;
        _snapshots = snapshots;
        _disclosureReports = disclosureReports;
        _leases = leases;
        _referenceData = referenceData;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>The reporting year a scheduled compile is for: the last full year (<see cref="ReportingPolicy.LastFullYear"/>).</summary>
    public int ScheduledYear => _policy.LastFullYear;

    /// <summary>
    /// Compiles and publishes a new version of <paramref name="year"/>; null when a compile of that year is already
    /// running. Disclosure control audits the new version together with every earlier published version of the year;
    /// its report for staff is stored before the version is listed. Then the time series across years is published
    /// anew from the published files (see <see cref="Series.SeriesPublisher"/>).
    /// </summary>
    /// <exception cref="Disclosure.DisclosureControlException">The small counts of a table cannot be protected; nothing is listed.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is not a reporting year (<see cref="ReportingPolicy.Years"/>).</exception>
    public async Task<SnapshotManifest?> PublishAsync(int year, CancellationToken cancellationToken)
    {
        if (_policy.RefuseYear(year) is { } notAYear)
            throw new ArgumentOutOfRangeException(nameof(year), year, notAYear);
        await using var lease = await _leases.TryAcquireAsync($"snapshot-{year}", CompileLease, cancellationToken);
        if (lease is null)
        {
            _logger.LogWarning("A snapshot of {Year} is already being compiled; this request is dropped", year);
            return null;
        }

        var createdAt = _clock.GetUtcNow();
        var version = await NewVersionAsync(year, createdAt, cancellationToken);
        var history = await new PublishedHistoryReader(_snapshots, _disclosureReports, _referenceData.Catalog).ReadAsync(year, cancellationToken);
        var request = new SnapshotRequest(year, version, createdAt, _referenceData.Catalog, _referenceData.States)
        {
            SuppressionThreshold = _options.SuppressionThreshold,
            History = history,
            Publisher = _options.PublisherName,
            PublisherAddress = _options.PublisherAddress,
            Previous = await ReadPreviousReleaseAsync(year, cancellationToken),
            ParticipatingStates = [.. _referenceData.States.All.Where(s => _policy.TakesPart(s, year)).Select(s => s.Iso3)],
        };
        SnapshotManifest manifest;
        await using (var disclosure = await _disclosureReports.OpenWriteAsync(year, version, cancellationToken))
            manifest = await new SnapshotCompiler().CompileAsync(request, ReadStatesAsync(year, history, cancellationToken), _snapshots.CreateOutput(year, version), disclosure, cancellationToken);
        await _snapshots.PublishAsync(manifest, cancellationToken);
        _logger.LogInformation("Snapshot {Year} {Version} published: {States} states, {Rows} rows, {Suppressed} cells suppressed",
            year, version, manifest.Statistics.States, manifest.Statistics.Rows, manifest.Statistics.Withheld);
        await PublishSeriesAsync(year, version, cancellationToken);
        return manifest;
    }

    /// <summary>
    /// Publishes the series with the version just listed. The year's version stands whatever happens here: a series
    /// that fails is logged, and the next compile of any year builds it again from everything published by then.
    /// </summary>
    private async Task PublishSeriesAsync(int year, string version, CancellationToken cancellationToken)
    {
        try
        {
            await _series.PublishAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "Snapshot {Year} {Version} is published, but the time series across years could not be published", year, version);
        }
    }

    /// <summary>
    /// A version stamp from the time, unique within the year: a compile in the same second as the latest (or before
    /// it, on a clock that went back) takes the second after it, so two compiles a second apart get two versions; so
    /// does one whose stamp already holds files of a compile that never finished.
    /// </summary>
    private async Task<string> NewVersionAsync(int year, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var candidate = SnapshotVersion.Of(createdAt.UtcDateTime);
        if (await _snapshots.FindAsync(year, SnapshotVersion.Latest, cancellationToken) is { } latest &&
            string.CompareOrdinal(latest.Manifest.Version, candidate) >= 0)
            candidate = SnapshotVersion.Of(SnapshotVersion.Parse(latest.Manifest.Version).AddSeconds(1));
        // Files are create-only: a compile cut off before it was listed keeps its version's name, and the next takes another.
        while (await _snapshots.HasFilesAsync(year, candidate, cancellationToken))
            candidate = SnapshotVersion.Of(SnapshotVersion.Parse(candidate).AddSeconds(1));
        return candidate;
    }

    /// <summary>What the year's latest published version showed (its observations.csv), for changes.csv; null when none is published.</summary>
    private async Task<Revisions.PreviousRelease?> ReadPreviousReleaseAsync(int year, CancellationToken cancellationToken)
    {
        if (await _snapshots.FindAsync(year, SnapshotVersion.Latest, cancellationToken) is not { } latest)
            return null;
        var file = await _snapshots.OpenFileAsync(year, latest.Manifest.Version, SnapshotFileNames.ObservationsCsv, cancellationToken);
        if (file is null)
            return null;
        await using (file.Content)
        {
            var dimensions = _referenceData.Catalog.CodeLists.Where(l => l.IsDimension).Select(l => l.Id).ToList();
            return Revisions.PreviousRelease.Read(latest.Manifest.Version, file.Content, dimensions);
        }
    }

    private async IAsyncEnumerable<ObservationSet> ReadStatesAsync(int year, PublishedHistory history, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var states = SnapshotCompiler.ReadingOrder(_referenceData.States);
        var pending = new Queue<Task<ObservationSet?>>();
        var next = 0;
        while (next < states.Count || pending.Count > 0)
        {
            while (next < states.Count && pending.Count < ReadAhead)
                pending.Enqueue(ReadStateAsync(states[next++].Iso3, year, history, cancellationToken));
            if (await pending.Dequeue() is { } set) yield return set;
        }
    }

    /// <summary>
    /// The current data of a state, after reading the data of any other submission an earlier version of the year
    /// published for it (the disclosure audit needs its true values; an unchanged state needs nothing more).
    /// </summary>
    private async Task<ObservationSet?> ReadStateAsync(string country, int year, PublishedHistory history, CancellationToken cancellationToken)
    {
        if (await _observations.ReadCurrentAsync(country, year, null, cancellationToken) is not { } set)
            return null;
        foreach (var submission in history.EarlierSubmissionsOf(country, set.SubmissionId).ToList())
        {
            var stored = await _observations.ReadVersionAsync(country, year, submission, cancellationToken)
                ?? throw new InvalidDataException($"An earlier version of {year} published submission {submission}, whose data is no longer stored: the disclosure audit cannot cover it.");
            history.AddData(submission, [.. stored.Where(o => _referenceData.Catalog.Indicators.Any(i => i.Code == o.Indicator && i.Protected))]);
        }
        return set;
    }
}

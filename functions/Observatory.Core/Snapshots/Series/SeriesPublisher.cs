using Microsoft.Extensions.Logging;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Series;

/// <summary>
/// Publishes the time series across every published year after a year's compile: reads the catalog of annual
/// versions, and when what the series is made of changed, compiles a new version from the published observations.json
/// of each year's latest version and lists it. Reads no stored data: only the published files, which are small.
/// </summary>
public sealed class SeriesPublisher
{
    /// <summary>The lease that keeps one series compile at a time, whatever the year that asked for it.</summary>
    public const string LeaseName = "snapshot-series";

    /// <summary>How long a series compile holds its lease: longer than any runs.</summary>
    public static readonly TimeSpan CompileLease = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a compile waits for another year's series compile to finish. It waits rather than gives up because the
    /// other compile may have read the catalog before this year's version was listed; that compile also reads the
    /// catalog again when it is done and compiles once more if a version was listed meanwhile (see <see cref="Rounds"/>).
    /// </summary>
    public static readonly TimeSpan LeaseWait = TimeSpan.FromSeconds(30);

    /// <summary>How many times one holder of the lease compiles, while the catalog of annual versions keeps changing under it.</summary>
    public const int Rounds = 3;

    private readonly ISnapshotStore _snapshots;
    private readonly ISeriesStore _series;
    private readonly IExclusiveLease _leases;
    private readonly ReferenceDataSet _referenceData;
    private readonly ObservatoryOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<SeriesPublisher> _logger;

    /// <summary>Creates the publisher.</summary>
    public SeriesPublisher(ISnapshotStore snapshots, ISeriesStore series, IExclusiveLease leases, ReferenceDataSet referenceData,
        ObservatoryOptions options, TimeProvider clock, ILogger<SeriesPublisher> logger)
    {
        _snapshots = snapshots;
        _series = series;
        _leases = leases;
        _referenceData = referenceData;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// The sources of a series of <paramref name="published"/>: per year, oldest first, the first version whose
    /// observations.json is byte-identical to the latest version's (so a recompile of unchanged data changes no source).
    /// </summary>
    public static IReadOnlyList<SeriesSource> SourcesOf(IEnumerable<PublishedSnapshot> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var sources = new List<SeriesSource>();
        foreach (var year in published.GroupBy(p => p.Manifest.Year).OrderBy(g => g.Key))
        {
            var versions = year.Select(p => p.Manifest).OrderByDescending(m => m.Version, StringComparer.Ordinal).ToList();
            var latest = year.FirstOrDefault(p => p.Latest)?.Manifest ?? versions[0];
            if (latest.Find(SnapshotFileNames.ObservationsJson) is not { } json)
                continue;
            var first = latest;
            foreach (var earlier in versions.Where(m => string.CompareOrdinal(m.Version, latest.Version) < 0))
            {
                if (earlier.Find(SnapshotFileNames.ObservationsJson)?.Sha256 != json.Sha256)
                    break;
                first = earlier;
            }
            sources.Add(new SeriesSource(year.Key, first.Version, json.Sha256, first.Statistics.States, first.Statistics.Rows, first.Statistics.Withheld));
        }
        return sources;
    }

    /// <summary>
    /// Publishes a new version of the series when what it is made of changed since the latest; returns the latest
    /// version after that (the new one, or the unchanged latest), or null when no year is published or another
    /// compile held the series longer than <see cref="LeaseWait"/>.
    /// </summary>
    public async Task<SeriesManifest?> PublishAsync(CancellationToken cancellationToken)
    {
        await using var lease = await AcquireAsync(cancellationToken);
        if (lease is null)
        {
            _logger.LogWarning("The time series is being compiled by another compile for longer than {Wait}; this compile leaves it", LeaseWait);
            return null;
        }

        SeriesManifest? published = null;
        for (var round = 0; round < Rounds; round++)
        {
            var sources = SourcesOf(await _snapshots.ListAsync(cancellationToken));
            if (sources.Count == 0 || (published is not null && SameSources(published.Sources, sources)))
                break;
            published = await PublishAsync(sources, cancellationToken);
        }
        return published;
    }

    /// <summary>Publishes the series of <paramref name="sources"/>, or keeps the latest when it is made of the same.</summary>
    private async Task<SeriesManifest> PublishAsync(IReadOnlyList<SeriesSource> sources, CancellationToken cancellationToken)
    {
        var createdAt = _clock.GetUtcNow();
        var latest = await _series.FindAsync(SnapshotVersion.Latest, cancellationToken);
        var request = new SeriesRequest(await NewVersionAsync(latest, createdAt, cancellationToken), createdAt, sources, _referenceData.Catalog, _referenceData.States)
        {
            SuppressionThreshold = _options.SuppressionThreshold,
            Publisher = _options.PublisherName,
            PublisherAddress = _options.PublisherAddress,
        };
        if (latest is not null && latest.Manifest.Basis == await SeriesCompiler.BasisOf(request, cancellationToken))
        {
            _logger.LogInformation("The time series {Version} is unchanged: no new version", latest.Manifest.Version);
            return latest.Manifest;
        }

        var manifest = await new SeriesCompiler().CompileAsync(request, OpenObservationsAsync, _series.CreateOutput(request.Version), cancellationToken);
        await _series.PublishAsync(manifest, cancellationToken);
        _logger.LogInformation("Time series {Version} published: {Span}, {Rows} rows", manifest.Version, request.Span, manifest.Statistics.Rows);
        return manifest;
    }

    private static bool SameSources(IReadOnlyList<SeriesSource> a, IReadOnlyList<SeriesSource> b) =>
        a.Select(s => (s.Year, s.Version, s.ObservationsSha256)).SequenceEqual(b.Select(s => (s.Year, s.Version, s.ObservationsSha256)));

    private async Task<IAsyncDisposable?> AcquireAsync(CancellationToken cancellationToken)
    {
        var deadline = _clock.GetUtcNow() + LeaseWait;
        while (true)
        {
            if (await _leases.TryAcquireAsync(LeaseName, CompileLease, cancellationToken) is { } lease)
                return lease;
            if (_clock.GetUtcNow() >= deadline)
                return null;
            await Task.Delay(TimeSpan.FromSeconds(1), _clock, cancellationToken);
        }
    }

    /// <summary>A stamp from the time, after the latest version's and free of files, as the annual versions get theirs.</summary>
    private async Task<string> NewVersionAsync(PublishedSeries? latest, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        var candidate = SnapshotVersion.Of(createdAt.UtcDateTime);
        if (latest is not null && string.CompareOrdinal(latest.Manifest.Version, candidate) >= 0)
            candidate = SnapshotVersion.Of(SnapshotVersion.Parse(latest.Manifest.Version).AddSeconds(1));
        while (await _series.HasFilesAsync(candidate, cancellationToken))
            candidate = SnapshotVersion.Of(SnapshotVersion.Parse(candidate).AddSeconds(1));
        return candidate;
    }

    private async Task<Stream> OpenObservationsAsync(SeriesSource source, CancellationToken cancellationToken) =>
        (await _snapshots.OpenFileAsync(source.Year, source.Version, SnapshotFileNames.ObservationsJson, cancellationToken))?.Content
        ?? throw new InvalidDataException($"The observations.json of {source.Year} version {source.Version} is listed but missing.");
}

using Observatory.Core.Ports;
using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Series;

namespace Observatory.Core.Tests.InMemory;

/// <summary>The series across years in memory, versioned like the annual snapshots.</summary>
internal sealed class MemorySeriesStore : ISeriesStore
{
    private readonly Lock _lock = new();
    private readonly List<SeriesManifest> _listed = [];
    private readonly MemoryFiles _files = new();

    public ISnapshotOutput CreateOutput(string version) => _files.Output(version);

    public Task<bool> HasFilesAsync(string version, CancellationToken cancellationToken) => Task.FromResult(_files.Has(version));

    public Task PublishAsync(SeriesManifest manifest, CancellationToken cancellationToken)
    {
        lock (_lock) _listed.Add(manifest);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PublishedSeries>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var latest = LatestVersion();
            return Task.FromResult<IReadOnlyList<PublishedSeries>>([.. _listed.OrderByDescending(m => m.Version, StringComparer.Ordinal)
                .Select(m => new PublishedSeries(m, m.Version == latest))]);
        }
    }

    public Task<PublishedSeries?> FindAsync(string version, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var latest = LatestVersion();
            var wanted = version == SnapshotVersion.Latest ? latest : version;
            var manifest = _listed.FirstOrDefault(m => m.Version == wanted);
            return Task.FromResult(manifest is null ? null : new PublishedSeries(manifest, manifest.Version == latest));
        }
    }

    public Task<SnapshotFileContent?> OpenFileAsync(string version, string fileName, CancellationToken cancellationToken) =>
        Task.FromResult(_files.Open($"{version}/{fileName}"));

    private string? LatestVersion() => _listed.Select(m => m.Version).Order(StringComparer.Ordinal).LastOrDefault();
}

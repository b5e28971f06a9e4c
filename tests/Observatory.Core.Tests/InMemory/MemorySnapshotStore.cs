using Observatory.Core.Ports;
using Observatory.Core.Snapshots;

namespace Observatory.Core.Tests.InMemory;

/// <summary>Annual snapshots in memory: files written once under their version, and a catalog of listed versions with the latest of each year.</summary>
internal sealed class MemorySnapshotStore : ISnapshotStore
{
    private readonly Lock _lock = new();
    private readonly List<SnapshotManifest> _listed = [];

    /// <summary>The files of every version, listed or not, under "{year}/{version}/{file}".</summary>
    public MemoryFiles Files { get; } = new();

    public ISnapshotOutput CreateOutput(int year, string version) => Files.Output($"{year}/{version}");

    public Task<bool> HasFilesAsync(int year, string version, CancellationToken cancellationToken) => Task.FromResult(Files.Has($"{year}/{version}"));

    public Task PublishAsync(SnapshotManifest manifest, CancellationToken cancellationToken)
    {
        lock (_lock) _listed.Add(manifest);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PublishedSnapshot>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<PublishedSnapshot>>([.. _listed
                .OrderByDescending(m => m.Year).ThenByDescending(m => m.Version, StringComparer.Ordinal)
                .Select(m => new PublishedSnapshot(m, m.Version == LatestOf(m.Year)))]);
    }

    public Task<PublishedSnapshot?> FindAsync(int year, string version, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var latest = LatestOf(year);
            var wanted = version == SnapshotVersion.Latest ? latest : version;
            var manifest = _listed.FirstOrDefault(m => m.Year == year && m.Version == wanted);
            return Task.FromResult(manifest is null ? null : new PublishedSnapshot(manifest, manifest.Version == latest));
        }
    }

    public Task<SnapshotFileContent?> OpenFileAsync(int year, string version, string fileName, CancellationToken cancellationToken) =>
        Task.FromResult(Files.Open($"{year}/{version}/{fileName}"));

    private string? LatestOf(int year) =>
        _listed.Where(m => m.Year == year).Select(m => m.Version).Order(StringComparer.Ordinal).LastOrDefault();
}

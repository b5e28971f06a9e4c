using Observatory.Core.Domain;
using Observatory.Core.Observations;
using Observatory.Core.Ports;

namespace Observatory.Core.Tests.Observations;

/// <summary>
/// An in-memory observation store for one state and year, with the pointer's compare-and-swap, and a hook that runs
/// just before a switch: a test uses it to let another promotion happen in between, deterministically.
/// </summary>
internal sealed class InMemoryObservationStore : IObservationStore
{
    private readonly Dictionary<string, Dictionary<string, (Observation Cell, bool Amended)>> _versions = new(StringComparer.Ordinal);
    private CurrentPointer? _pointer;
    private int _etag;

    /// <summary>Runs once before the next switch of the pointer by <c>submissionId</c>, then is removed.</summary>
    public Dictionary<string, Func<Task>> BeforeSwitch { get; } = new(StringComparer.Ordinal);

    /// <summary>Switches that lost to another writer.</summary>
    public int Conflicts { get; private set; }

    public Task WriteVersionAsync(string country, int year, string submissionId, IReadOnlyList<Observation> observations, IReadOnlySet<string>? amendedKeys, CancellationToken cancellationToken)
    {
        if (!_versions.TryGetValue(submissionId, out var rows)) _versions[submissionId] = rows = new(StringComparer.Ordinal);
        foreach (var cell in observations) rows[cell.Key] = (cell, amendedKeys?.Contains(cell.Key) == true);
        return Task.CompletedTask;
    }

    public Task DeleteVersionAsync(string country, int year, string submissionId, CancellationToken cancellationToken)
    {
        _versions.Remove(submissionId);
        return Task.CompletedTask;
    }

    public Task<CurrentPointer?> ReadPointerAsync(string country, int year, CancellationToken cancellationToken) => Task.FromResult(_pointer);

    public async Task<bool> TrySwitchPointerAsync(string country, int year, CurrentPointer? expected, CurrentPointer next, CancellationToken cancellationToken)
    {
        if (BeforeSwitch.Remove(next.CurrentVersion, out var hook)) await hook();
        if (_pointer?.ETag != expected?.ETag)
        {
            Conflicts++;
            return false;
        }
        _pointer = next with { ETag = (++_etag).ToString() };
        return true;
    }

    public Task<IReadOnlyList<Observation>?> ReadVersionAsync(string country, int year, string submissionId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Observation>?>(_versions.TryGetValue(submissionId, out var rows) ? [.. rows.Values.Select(r => r.Cell).OrderBy(c => c.Key, StringComparer.Ordinal)] : null);

    public Task<IReadOnlyList<Observation>> ReadAmendedCellsAsync(string country, int year, string submissionId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Observation>>(_versions.TryGetValue(submissionId, out var rows) ? [.. rows.Values.Where(r => r.Amended).Select(r => r.Cell)] : []);

    public async Task<ObservationSet?> ReadCurrentAsync(string country, int year, string? indicator, CancellationToken cancellationToken) =>
        _pointer is null ? null : new ObservationSet(country, year, _pointer.CurrentVersion, _pointer.AcceptedAt,
            [.. (await ReadVersionAsync(country, year, _pointer.CurrentVersion, cancellationToken))!.Where(o => indicator is null || o.Indicator == indicator)]);
}

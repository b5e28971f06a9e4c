using Observatory.Core.Domain;
using Observatory.Core.Observations;
using Observatory.Core.Ports;

namespace Observatory.Core.Tests.InMemory;

/// <summary>
/// The accepted data of every state and year in memory: versions written whole, and one pointer per state-year that
/// moves only by compare-and-swap, as the table store's does.
/// </summary>
internal sealed class MemoryObservationStore : IObservationStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Country, int Year, string SubmissionId), Dictionary<string, (Observation Cell, bool Amended)>> _versions = [];
    private readonly Dictionary<(string Country, int Year), CurrentPointer> _pointers = [];
    private int _etag;

    /// <summary>How many versions are stored, current or not.</summary>
    public int VersionCount { get { lock (_lock) return _versions.Count; } }

    public Task WriteVersionAsync(string country, int year, string submissionId, IReadOnlyList<Observation> observations, IReadOnlySet<string>? amendedKeys, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_versions.TryGetValue((country, year, submissionId), out var rows)) _versions[(country, year, submissionId)] = rows = new(StringComparer.Ordinal);
            foreach (var cell in observations) rows[cell.Key] = (cell, amendedKeys?.Contains(cell.Key) == true);
        }
        return Task.CompletedTask;
    }

    public Task DeleteVersionAsync(string country, int year, string submissionId, CancellationToken cancellationToken)
    {
        lock (_lock) _versions.Remove((country, year, submissionId));
        return Task.CompletedTask;
    }

    public Task<CurrentPointer?> ReadPointerAsync(string country, int year, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_pointers.GetValueOrDefault((country, year)));
    }

    public Task<bool> TrySwitchPointerAsync(string country, int year, CurrentPointer? expected, CurrentPointer next, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_pointers.GetValueOrDefault((country, year))?.ETag != expected?.ETag) return Task.FromResult(false);
            _pointers[(country, year)] = next with { ETag = (++_etag).ToString(System.Globalization.CultureInfo.InvariantCulture) };
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<Observation>?> ReadVersionAsync(string country, int year, string submissionId, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<Observation>?>(_versions.TryGetValue((country, year, submissionId), out var rows)
                ? [.. rows.Values.Select(r => r.Cell).OrderBy(c => c.Key, StringComparer.Ordinal)]
                : null);
    }

    public Task<IReadOnlyList<Observation>> ReadAmendedCellsAsync(string country, int year, string submissionId, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<Observation>>(_versions.TryGetValue((country, year, submissionId), out var rows)
                ? [.. rows.Values.Where(r => r.Amended).Select(r => r.Cell)]
                : []);
    }

    public async Task<ObservationSet?> ReadCurrentAsync(string country, int year, string? indicator, CancellationToken cancellationToken)
    {
        if (await ReadPointerAsync(country, year, cancellationToken) is not { } pointer) return null;
        var cells = await ReadVersionAsync(country, year, pointer.CurrentVersion, cancellationToken) ?? [];
        return new ObservationSet(country, year, pointer.CurrentVersion, pointer.AcceptedAt, [.. cells.Where(o => indicator is null || o.Indicator == indicator)]);
    }
}

using Observatory.Core.Ports;

namespace Observatory.Core.Tests.InMemory;

/// <summary>Locked state-years in memory.</summary>
internal sealed class MemoryStateYearLocks : IStateYearLocks
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, int), StateYearLock> _locks = [];

    public Task<StateYearLock?> FindAsync(string country, int year, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_locks.GetValueOrDefault((country, year)));
    }

    public Task LockAsync(StateYearLock stateYearLock, CancellationToken cancellationToken)
    {
        lock (_lock) _locks[(stateYearLock.Country, stateYearLock.Year)] = stateYearLock;
        return Task.CompletedTask;
    }

    public Task<bool> UnlockAsync(string country, int year, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_locks.Remove((country, year)));
    }

    public Task<IReadOnlyList<StateYearLock>> ListAsync(int? year, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<StateYearLock>>([.. _locks.Values.Where(l => year is null || l.Year == year)]);
    }
}

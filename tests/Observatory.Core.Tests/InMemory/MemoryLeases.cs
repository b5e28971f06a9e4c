using Observatory.Core.Ports;

namespace Observatory.Core.Tests.InMemory;

/// <summary>Exclusive leases by name in memory, expiring on the test's clock.</summary>
internal sealed class MemoryLeases(TimeProvider clock) : IExclusiveLease
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (Guid Holder, DateTimeOffset Until)> _held = new(StringComparer.Ordinal);

    public Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var now = clock.GetUtcNow();
            if (_held.TryGetValue(name, out var held) && held.Until > now) return Task.FromResult<IAsyncDisposable?>(null);
            var holder = Guid.NewGuid();
            _held[name] = (holder, now + duration);
            return Task.FromResult<IAsyncDisposable?>(new Release(this, name, holder));
        }
    }

    private sealed class Release(MemoryLeases leases, string name, Guid holder) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            lock (leases._lock)
            {
                if (leases._held.TryGetValue(name, out var held) && held.Holder == holder) leases._held.Remove(name);
            }
            return ValueTask.CompletedTask;
        }
    }
}

using System.Collections.Concurrent;
using Azure;

namespace Observatory.Storage;

/// <summary>
/// The last version of each recently read or written entity that this instance knows, with its ETag, so that a
/// read-modify-write can start from it instead of reading the entity again. A version another writer has since
/// replaced costs one refused write (412), after which the caller reads afresh: the ETag still decides, the cache
/// only saves the read when nobody else wrote in between, which is the usual case.
/// </summary>
/// <typeparam name="T">The entity as the caller uses it.</typeparam>
internal sealed class KnownEntityVersions<T>(int capacity = 1024) where T : class
{
    private readonly ConcurrentDictionary<string, (T Value, ETag ETag)> _versions = new(StringComparer.Ordinal);

    /// <summary>Remembers <paramref name="value"/> as the version of <paramref name="key"/> that carries <paramref name="etag"/>.</summary>
    public void Remember(string key, T value, ETag etag)
    {
        if (etag == default)
            return;
        // Bounded by forgetting everything at once: simpler than an LRU, and a forgotten version costs one read.
        if (_versions.Count >= capacity)
            _versions.Clear();
        _versions[key] = (value, etag);
    }

    /// <summary>The version remembered for <paramref name="key"/>, if any.</summary>
    public bool TryGet(string key, out T value, out ETag etag)
    {
        if (_versions.TryGetValue(key, out var known))
        {
            (value, etag) = known;
            return true;
        }
        (value, etag) = (null!, default);
        return false;
    }

    /// <summary>Forgets <paramref name="key"/>, e.g. once a write with its ETag was refused.</summary>
    public void Forget(string key) => _versions.TryRemove(key, out _);
}

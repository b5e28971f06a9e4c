using Observatory.Core.Ports;

namespace Observatory.Core.Tests.InMemory;

/// <summary>Raw files in memory, create-only like the blob store.</summary>
internal sealed class MemoryRawFileStore : IRawFileStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);

    /// <summary>The names of the stored files.</summary>
    public IReadOnlyList<string> Names { get { lock (_lock) return [.. _files.Keys]; } }

    public async Task SaveAsync(string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        lock (_lock)
        {
            if (!_files.TryAdd(name, copy.ToArray())) throw new IOException($"{name} already exists; raw files are never overwritten.");
        }
    }

    public Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock)
            return _files.TryGetValue(name, out var bytes)
                ? Task.FromResult<Stream>(new MemoryStream(bytes, writable: false))
                : throw new FileNotFoundException($"No raw file {name}.", name);
    }

    public Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        lock (_lock) _files.Remove(name);
        return Task.CompletedTask;
    }
}

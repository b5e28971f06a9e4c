using Observatory.Core.Ports;
using Observatory.Core.Snapshots;

namespace Observatory.Core.Tests.InMemory;

/// <summary>Files by path in memory, each created once and kept when its stream is closed, as create-only blobs are.</summary>
internal sealed class MemoryFiles
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (byte[] Bytes, string ContentType)> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _created = new(StringComparer.Ordinal);

    /// <summary>Where the files under <paramref name="folder"/> are written.</summary>
    public ISnapshotOutput Output(string folder) => new FolderOutput(this, folder);

    /// <summary>True when any file was created under <paramref name="folder"/>.</summary>
    public bool Has(string folder)
    {
        lock (_lock) return _created.Any(p => p.StartsWith(folder + "/", StringComparison.Ordinal));
    }

    /// <summary>The bytes of a complete file, or null.</summary>
    public byte[]? Read(string path)
    {
        lock (_lock) return _files.TryGetValue(path, out var file) ? file.Bytes : null;
    }

    /// <summary>A complete file opened for reading, or null.</summary>
    public SnapshotFileContent? Open(string path)
    {
        lock (_lock)
            return _files.TryGetValue(path, out var file)
                ? new SnapshotFileContent(new MemoryStream(file.Bytes, writable: false), file.Bytes.Length, file.ContentType, "\"1\"", DateTimeOffset.UnixEpoch)
                : null;
    }

    /// <summary>A stream that keeps what was written under <paramref name="path"/> when it is closed.</summary>
    public Stream Create(string path, string contentType)
    {
        lock (_lock)
        {
            if (!_created.Add(path)) throw new IOException($"{path} already exists.");
        }
        return new ClosingStream(bytes => { lock (_lock) _files[path] = (bytes, contentType); });
    }

    private sealed class FolderOutput(MemoryFiles files, string folder) : ISnapshotOutput
    {
        public Task<Stream> CreateAsync(string fileName, string contentType, CancellationToken cancellationToken) =>
            Task.FromResult(files.Create($"{folder}/{fileName}", contentType));
    }

    /// <summary>A memory stream that hands its bytes over when it is disposed.</summary>
    private sealed class ClosingStream(Action<byte[]> onClose) : MemoryStream
    {
        private bool _closed;

        protected override void Dispose(bool disposing)
        {
            if (disposing && !_closed)
            {
                _closed = true;
                onClose(ToArray());
            }
            base.Dispose(disposing);
        }
    }
}

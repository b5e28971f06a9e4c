using Observatory.Core.Snapshots;

namespace Observatory.Core.Tests.Snapshots;

/// <summary>Keeps each file's bytes once its stream is closed; refuses to create a file twice, as the blob store does.</summary>
internal sealed class MemorySnapshotOutput : ISnapshotOutput
{
    private readonly Dictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly List<string> _created = [];

    public IReadOnlyList<string> Created => _created;

    public Dictionary<string, string> ContentTypes { get; } = new(StringComparer.Ordinal);

    public byte[] this[string name] => _files[name];

    public IReadOnlyDictionary<string, byte[]> Files => _files;

    public Task<Stream> CreateAsync(string fileName, string contentType, CancellationToken cancellationToken)
    {
        if (_created.Contains(fileName))
            throw new IOException($"{fileName} already exists.");
        _created.Add(fileName);
        ContentTypes[fileName] = contentType;
        return Task.FromResult<Stream>(new CapturingStream(bytes => _files[fileName] = bytes));
    }

    /// <summary>A stream that, like a blob upload stream, can only be written forward.</summary>
    private sealed class CapturingStream(Action<byte[]> onClose) : Stream
    {
        private readonly MemoryStream _buffer = new();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                onClose(_buffer.ToArray());
            base.Dispose(disposing);
        }
    }
}

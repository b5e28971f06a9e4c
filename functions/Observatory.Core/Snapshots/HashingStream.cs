using System.Security.Cryptography;

namespace Observatory.Core.Snapshots;

/// <summary>
/// A write-only stream that counts and hashes what passes through it on the way to the output, so a file's size and
/// SHA-256 are known when it is closed without reading anything back.
/// </summary>
/// <remarks>
/// Libraries that write synchronously (the zip archive under the workbook, parts of the Parquet writer) would block on
/// the output, which may be a network stream. Synchronous writes are therefore held in memory until the next
/// <see cref="FlushAsync(CancellationToken)"/>, which the writers call after each state, so the buffer holds at most
/// one state's share of a file.
/// </remarks>
internal sealed class HashingStream : Stream
{
    private readonly Stream _output;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly MemoryStream _pending = new();
    private long _length;
    private string? _sha256;
    private bool _disposed;

    public HashingStream(Stream output, string name, string contentType)
    {
        _output = output;
        Name = name;
        ContentType = contentType;
    }

    /// <summary>The file's name in the snapshot.</summary>
    public string Name { get; }

    /// <summary>The file's media type.</summary>
    public string ContentType { get; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_disposed;

    public override long Length => _length;

    /// <summary>The number of bytes written so far (writers that record offsets read it; it cannot be set).</summary>
    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>The file as written; available once the stream is disposed.</summary>
    public SnapshotFile ToSnapshotFile() =>
        new(Name, _length, _sha256 ?? throw new InvalidOperationException($"{Name} is still being written."), ContentType);

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Account(buffer);
        _pending.Write(buffer);
    }

    public override void WriteByte(byte value) => Write([value]);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        Account(buffer.Span);
        await WritePendingAsync(cancellationToken);
        await _output.WriteAsync(buffer, cancellationToken);
    }

    /// <summary>Nothing is sent on a synchronous flush; see the remarks.</summary>
    public override void Flush()
    {
    }

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await WritePendingAsync(cancellationToken);
        await _output.FlushAsync(cancellationToken);
    }

    public override async ValueTask DisposeAsync()
    {
        if (!_disposed)
        {
            await WritePendingAsync(CancellationToken.None);
            Finish();
            await _output.DisposeAsync();
        }
        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _pending.WriteTo(_output);
            _pending.SetLength(0);
            Finish();
            _output.Dispose();
        }
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void Account(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        _length += buffer.Length;
    }

    private async ValueTask WritePendingAsync(CancellationToken cancellationToken)
    {
        if (_pending.Length == 0)
            return;
        await _output.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
        _pending.SetLength(0);
    }

    private void Finish()
    {
        _disposed = true;
        _sha256 = Convert.ToHexStringLower(_hash.GetHashAndReset());
        _hash.Dispose();
        _pending.Dispose();
    }
}

namespace Observatory.Core.Submissions;

/// <summary>
/// A read-only, seekable view of a stream that stops the reader, with an <see cref="OperationCanceledException"/>,
/// once it has read more than its budget of bytes or its token is cancelled. Readers let that exception through (it is
/// never taken for a bad file), so a parser that would run on through a hostile file is stopped at its next read.
/// </summary>
internal sealed class ReadBudgetStream : Stream
{
    private readonly Stream _inner;
    private readonly long _budget;
    private readonly CancellationToken _cancellationToken;
    private long _read;

    /// <summary>Wraps <paramref name="inner"/> (disposed with this stream).</summary>
    public ReadBudgetStream(Stream inner, long budget, CancellationToken cancellationToken)
    {
        _inner = inner;
        _budget = budget;
        _cancellationToken = cancellationToken;
    }

    /// <summary>True once a read went past the budget.</summary>
    public bool Exhausted { get; private set; }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var read = _inner.Read(buffer);
        _read += read;
        if (_read > _budget)
        {
            Exhausted = true;
            throw new OperationCanceledException($"The read budget of {_budget} bytes is spent.");
        }
        return read;
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override bool CanRead => true;
    public override bool CanSeek => _inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _inner.Dispose();
        base.Dispose(disposing);
    }
}

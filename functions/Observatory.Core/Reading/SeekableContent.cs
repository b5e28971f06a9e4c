namespace Observatory.Core.Reading;

/// <summary>
/// Gives the readers that need random access (a zip's directory sits at its end; csv is read twice, once to
/// detect its encoding) a seekable view of an upload.
/// </summary>
internal static class SeekableContent
{
    private const int CopyBufferSize = 81920;

    /// <summary>
    /// Returns <paramref name="content"/> itself when it is seekable and at its start; otherwise a copy in a
    /// temporary file that is deleted when closed. A file rather than memory, so that the memory a return costs
    /// does not grow with its size (uploads are capped at 25 MB, but many may be read at once).
    /// </summary>
    public static Stream Ensure(Stream content)
    {
        if (content.CanSeek && content.Position == 0)
            return content;
        var copy = new FileStream(
            Path.Combine(Path.GetTempPath(), "observatory-" + Guid.NewGuid().ToString("N") + ".tmp"),
            FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, CopyBufferSize, FileOptions.DeleteOnClose);
        try
        {
            content.CopyTo(copy, CopyBufferSize);
            copy.Position = 0;
            return copy;
        }
        catch
        {
            copy.Dispose();
            throw;
        }
    }
}

/// <summary>Disposes several resources in order, each once.</summary>
internal sealed class DisposableGroup(params IDisposable?[] resources) : IDisposable
{
    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var resource in resources)
            resource?.Dispose();
    }
}

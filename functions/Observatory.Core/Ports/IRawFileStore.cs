namespace Observatory.Core.Ports;

/// <summary>Durable storage of the raw files focal points send, kept as proof of what they sent.</summary>
public interface IRawFileStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="name"/>; never overwrites an existing file.</summary>
    Task SaveAsync(string name, Stream content, string contentType, CancellationToken cancellationToken);

    /// <summary>Opens a stored file for reading.</summary>
    /// <exception cref="FileNotFoundException">No file has that name.</exception>
    Task<Stream> OpenReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>Deletes a file if it exists (used only to undo an upload that was never acknowledged).</summary>
    Task DeleteAsync(string name, CancellationToken cancellationToken);
}

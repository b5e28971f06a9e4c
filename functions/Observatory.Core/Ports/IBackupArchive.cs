namespace Observatory.Core.Ports;

/// <summary>
/// Where backups are kept: one folder per backup, each file created once and never changed (in Azure a versioned
/// container with a time-based immutability policy as long as the retention).
/// </summary>
public interface IBackupArchive
{
    /// <summary>Creates a file of a backup; fails if it exists. The file is complete when the stream is disposed.</summary>
    Task<Stream> CreateAsync(string backup, string fileName, CancellationToken cancellationToken);

    /// <summary>Opens a file of a backup for reading; null when it does not exist.</summary>
    Task<Stream?> OpenReadAsync(string backup, string fileName, CancellationToken cancellationToken);

    /// <summary>The names of the backups present (complete or not), in no particular order.</summary>
    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Deletes every file of a backup.</summary>
    Task DeleteAsync(string backup, CancellationToken cancellationToken);
}

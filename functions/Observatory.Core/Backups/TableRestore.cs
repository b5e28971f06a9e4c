using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Observatory.Core.Ports;

namespace Observatory.Core.Backups;

/// <summary>
/// Puts tables back as a backup holds them: checks each file against the manifest's SHA-256 and row count before a
/// single row is written, then writes every entity with its keys, properties and types (replacing entities with the
/// same keys). With <c>exact</c>, entities the backup does not have are deleted too, so the table is as it was.
/// </summary>
public sealed class TableRestore
{
    /// <summary>The name that stands for the newest complete backup.</summary>
    public const string Latest = "latest";

    private const int RowsPerWrite = 1000;
    private readonly ITableContents _tables;
    private readonly IBackupArchive _archive;
    private readonly ILogger<TableRestore> _logger;

    /// <summary>Creates the restore.</summary>
    public TableRestore(ITableContents tables, IBackupArchive archive, ILogger<TableRestore> logger)
    {
        _tables = tables;
        _archive = archive;
        _logger = logger;
    }

    /// <summary>The manifests of the complete backups, newest first.</summary>
    public async Task<IReadOnlyList<BackupManifest>> ListAsync(CancellationToken cancellationToken)
    {
        var manifests = new List<BackupManifest>();
        foreach (var name in (await _archive.ListAsync(cancellationToken)).Where(n => BackupName.TryParse(n, out _)).OrderDescending(StringComparer.Ordinal))
            if (await ReadManifestAsync(name, cancellationToken) is { } manifest)
                manifests.Add(manifest);
        return manifests;
    }

    /// <summary>
    /// Restores <paramref name="tables"/> (all of the backup's when null or empty) from <paramref name="backup"/>
    /// (a name, or <see cref="Latest"/>).
    /// </summary>
    /// <exception cref="BackupRestoreException">No such complete backup, a table it does not hold, or a file that fails its checks.</exception>
    public async Task<IReadOnlyList<RestoredTable>> RestoreAsync(string backup, IReadOnlyCollection<string>? tables, bool exact, CancellationToken cancellationToken)
    {
        var manifest = backup == Latest
            ? (await ListAsync(cancellationToken)).FirstOrDefault() ?? throw new BackupRestoreException("There is no complete backup to restore from.")
            : await ReadManifestAsync(backup, cancellationToken) ?? throw new BackupRestoreException($"There is no complete backup named '{backup}' (no {BackupManifest.FileName}).");

        var wanted = tables is { Count: > 0 } ? tables : manifest.Tables.Select(t => t.Table).ToList();
        var unknown = wanted.Where(t => manifest.Tables.All(f => f.Table != t)).ToList();
        if (unknown.Count > 0)
            throw new BackupRestoreException($"Backup {manifest.Name} has no table {string.Join(", ", unknown)}; it has {string.Join(", ", manifest.Tables.Select(t => t.Table))}.");
        var files = manifest.Tables.Where(t => wanted.Contains(t.Table)).ToList();

        // Every file is checked before anything is written, so a damaged backup changes nothing.
        foreach (var file in files)
            await VerifyAsync(manifest.Name, file, cancellationToken);

        var restored = new List<RestoredTable>();
        foreach (var file in files)
            restored.Add(await RestoreTableAsync(manifest.Name, file, exact, cancellationToken));
        _logger.LogInformation("Restored {Tables} tables from backup {Backup}", restored.Count, manifest.Name);
        return restored;
    }

    private async Task<BackupManifest?> ReadManifestAsync(string backup, CancellationToken cancellationToken)
    {
        await using var content = await _archive.OpenReadAsync(backup, BackupManifest.FileName, cancellationToken);
        if (content is null) return null;
        try
        {
            return await JsonSerializer.DeserializeAsync<BackupManifest>(content, BackupJson.Options, cancellationToken);
        }
        catch (JsonException ex)
        {
            throw new BackupRestoreException($"The manifest of backup {backup} cannot be read: {ex.Message}", ex);
        }
    }

    private async Task VerifyAsync(string backup, BackupTableFile file, CancellationToken cancellationToken)
    {
        await using var content = await OpenAsync(backup, file, cancellationToken);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long bytes = 0, lines = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            bytes += read;
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        }
        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (sha256 != file.Sha256 || bytes != file.Bytes || lines != file.Rows)
            throw new BackupRestoreException(
                $"{backup}/{file.File} does not match its manifest (SHA-256 {sha256}, {bytes} bytes, {lines} rows; expected {file.Sha256}, {file.Bytes} bytes, {file.Rows} rows). Nothing was restored.");
    }

    private async Task<RestoredTable> RestoreTableAsync(string backup, BackupTableFile file, bool exact, CancellationToken cancellationToken)
    {
        var keys = new HashSet<(string, string)>();
        var batch = new List<TableRow>(RowsPerWrite);
        long rows = 0;
        await using (var content = await OpenAsync(backup, file, cancellationToken))
        using (var reader = new StreamReader(content, Encoding.UTF8))
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0) continue;
                TableRow row;
                try
                {
                    row = TableRowFormat.ReadLine(line);
                }
                catch (FormatException ex)
                {
                    throw new BackupRestoreException($"{backup}/{file.File}, line {rows + 1}: {ex.Message}", ex);
                }
                if (exact) keys.Add((row.PartitionKey, row.RowKey));
                batch.Add(row);
                rows++;
                if (batch.Count == RowsPerWrite)
                {
                    await _tables.UpsertAsync(file.Table, batch, cancellationToken);
                    batch.Clear();
                }
            }
        }
        await _tables.UpsertAsync(file.Table, batch, cancellationToken);

        var extra = new List<(string, string)>();
        if (exact)
        {
            await foreach (var row in _tables.ReadAllAsync(file.Table, cancellationToken))
                if (!keys.Contains((row.PartitionKey, row.RowKey)))
                    extra.Add((row.PartitionKey, row.RowKey));
            await _tables.DeleteAsync(file.Table, extra, cancellationToken);
        }
        return new RestoredTable(file.Table, rows, extra.Count);
    }

    private async Task<Stream> OpenAsync(string backup, BackupTableFile file, CancellationToken cancellationToken) =>
        await _archive.OpenReadAsync(backup, file.File, cancellationToken)
        ?? throw new BackupRestoreException($"Backup {backup} lists {file.File}, which is missing. Nothing was restored.");
}

/// <summary>What a restore did to one table.</summary>
/// <param name="Table">The table.</param>
/// <param name="Rows">Entities written from the backup.</param>
/// <param name="Deleted">Entities deleted because the backup did not have them (exact restores only).</param>
public sealed record RestoredTable(string Table, long Rows, long Deleted);

/// <summary>A restore that cannot be done as asked; nothing, or nothing more, was written.</summary>
public sealed class BackupRestoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BackupRestoreException(string message, Exception? inner = null) : base(message, inner) { }
}

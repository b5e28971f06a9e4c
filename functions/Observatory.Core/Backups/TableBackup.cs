using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Observatory.Core.Ports;

namespace Observatory.Core.Backups;

/// <summary>
/// The nightly backup: exports every table of the data account, entity by entity, to a new backup in the archive
/// (one file per table, then the manifest with each file's row count and SHA-256), then deletes the backups older
/// than the retention, always keeping the newest complete one.
/// </summary>
public sealed class TableBackup
{
    // Rows are written to the archive in chunks of about this size, so a table of any size streams.
    private const int FlushBytes = 256 * 1024;
    private readonly ITableContents _tables;
    private readonly IBackupArchive _archive;
    private readonly ObservatoryOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<TableBackup> _logger;

    /// <summary>Creates the backup.</summary>
    public TableBackup(ITableContents tables, IBackupArchive archive, ObservatoryOptions options, TimeProvider clock, ILogger<TableBackup> logger)
    {
        _tables = tables;
        _archive = archive;
        _options = options;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Exports every table to a new backup, then prunes expired backups; returns the new backup's manifest.</summary>
    public async Task<BackupManifest> RunAsync(CancellationToken cancellationToken)
    {
        var manifest = await ExportAsync(cancellationToken);
        await PruneAsync(cancellationToken);
        return manifest;
    }

    /// <summary>Exports every table to a new backup named after the current time.</summary>
    public async Task<BackupManifest> ExportAsync(CancellationToken cancellationToken)
    {
        var createdAt = _clock.GetUtcNow();
        var name = BackupName.Of(createdAt);
        var files = new List<BackupTableFile>();
        foreach (var table in await _tables.ListTablesAsync(cancellationToken))
            files.Add(await ExportTableAsync(name, table, cancellationToken));

        var manifest = new BackupManifest(name, createdAt, files);
        await using (var output = await _archive.CreateAsync(name, BackupManifest.FileName, cancellationToken))
            await JsonSerializer.SerializeAsync(output, manifest, BackupJson.Options, cancellationToken);
        _logger.LogInformation("Backup {Backup} written: {Tables} tables, {Rows} rows", name, files.Count, files.Sum(f => f.Rows));
        return manifest;
    }

    /// <summary>
    /// Deletes the backups that started more than <see cref="ObservatoryOptions.BackupRetentionDays"/> days ago, and
    /// unfinished ones as old, but never the newest complete backup. Returns the names deleted.
    /// </summary>
    public async Task<IReadOnlyList<string>> PruneAsync(CancellationToken cancellationToken)
    {
        var cutoff = _clock.GetUtcNow().AddDays(-_options.BackupRetentionDays);
        var named = (await _archive.ListAsync(cancellationToken))
            .Select(n => (Name: n, Valid: BackupName.TryParse(n, out var at), At: at))
            .Where(b => b.Valid)
            .OrderByDescending(b => b.At)
            .ToList();
        string? newestComplete = null;
        foreach (var backup in named)
        {
            await using var manifest = await _archive.OpenReadAsync(backup.Name, BackupManifest.FileName, cancellationToken);
            if (manifest is not null) { newestComplete = backup.Name; break; }
        }

        var deleted = new List<string>();
        foreach (var backup in named.Where(b => b.At < cutoff && b.Name != newestComplete))
        {
            await _archive.DeleteAsync(backup.Name, cancellationToken);
            deleted.Add(backup.Name);
        }
        if (deleted.Count > 0)
            _logger.LogInformation("Backups older than {Days} days deleted: {Backups}", _options.BackupRetentionDays, string.Join(", ", deleted));
        return deleted;
    }

    private async Task<BackupTableFile> ExportTableAsync(string backup, string table, CancellationToken cancellationToken)
    {
        var fileName = table + ".jsonl";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new ArrayBufferWriter<byte>(FlushBytes * 2);
        long rows = 0, bytes = 0;
        await using (var output = await _archive.CreateAsync(backup, fileName, cancellationToken))
        {
            async Task FlushAsync()
            {
                hash.AppendData(buffer.WrittenSpan);
                await output.WriteAsync(buffer.WrittenMemory, cancellationToken);
                bytes += buffer.WrittenCount;
                buffer.ResetWrittenCount();
            }

            await foreach (var row in _tables.ReadAllAsync(table, cancellationToken))
            {
                TableRowFormat.WriteLine(row, buffer);
                rows++;
                if (buffer.WrittenCount >= FlushBytes) await FlushAsync();
            }
            await FlushAsync();
        }
        return new BackupTableFile(table, fileName, rows, bytes, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}

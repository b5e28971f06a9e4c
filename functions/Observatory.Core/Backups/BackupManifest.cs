namespace Observatory.Core.Backups;

/// <summary>
/// What a backup holds, written last as "manifest.json" beside its files: a backup without a manifest was cut short
/// and is never restored from.
/// </summary>
/// <param name="Name">The backup's name, the UTC time it started (yyyyMMddTHHmmssZ), which is also its folder.</param>
/// <param name="CreatedAt">When it started.</param>
/// <param name="Tables">One file per table, in name order.</param>
public sealed record BackupManifest(string Name, DateTimeOffset CreatedAt, IReadOnlyList<BackupTableFile> Tables)
{
    /// <summary>The file name of the manifest inside a backup.</summary>
    public const string FileName = "manifest.json";
}

/// <summary>The export of one table.</summary>
/// <param name="Table">The table's name.</param>
/// <param name="File">The file inside the backup ("{table}.jsonl": one entity per line, <see cref="TableRowFormat"/>).</param>
/// <param name="Rows">The number of entities written.</param>
/// <param name="Bytes">The file's length.</param>
/// <param name="Sha256">The file's SHA-256, lowercase hex; a restore refuses a file that does not match it.</param>
public sealed record BackupTableFile(string Table, string File, long Rows, long Bytes, string Sha256);

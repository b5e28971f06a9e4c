using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Backups;

namespace Observatory.Functions.Backups;

/// <summary>
/// Timer trigger: exports every table to a new backup in the "backups" container and deletes expired backups, on the
/// schedule of the setting Observatory:BackupSchedule (default 02:30 UTC every night).
/// </summary>
public sealed class BackupTables
{
    private readonly TableBackup _backup;

    /// <summary>Creates the function.</summary>
    public BackupTables(TableBackup backup) => _backup = backup;

    /// <summary>Runs the nightly backup.</summary>
    [Function(nameof(BackupTables))]
    public Task Run([TimerTrigger("%Observatory:BackupSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        _backup.RunAsync(cancellationToken);
}

using Observatory.Core.Audit;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Snapshots;

namespace Observatory.Functions.Snapshots;

/// <summary>
/// Timer trigger: compiles the snapshot of the previous reporting year on the schedule of the setting
/// Observatory:SnapshotSchedule (default 06:00 UTC on 1 March).
/// </summary>
public sealed class CompileScheduledSnapshot
{
    private readonly SnapshotPublisher _publisher;
    private readonly AuditTrail _audit;

    /// <summary>Creates the function.</summary>
    public CompileScheduledSnapshot(SnapshotPublisher publisher, AuditTrail audit)
    {
        _publisher = publisher;
        _audit = audit;
    }

    /// <summary>Compiles and publishes the year before the current one.</summary>
    [Function(nameof(CompileScheduledSnapshot))]
    public async Task Run([TimerTrigger("%Observatory:SnapshotSchedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var year = _publisher.ScheduledYear;
        if (await _publisher.PublishAsync(year, cancellationToken) is { } manifest)
            await _audit.RecordAsync("schedule", AuditActions.SnapshotPublished, null, year, manifest.Version, null, cancellationToken);
    }
}

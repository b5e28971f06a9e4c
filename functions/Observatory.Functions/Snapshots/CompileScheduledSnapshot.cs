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
    private readonly TimeProvider _clock;

    /// <summary>Creates the function.</summary>
    public CompileScheduledSnapshot(SnapshotPublisher publisher, TimeProvider clock)
    {
        _publisher = publisher;
        _clock = clock;
    }

    /// <summary>Compiles and publishes the year before the current one.</summary>
    [Function(nameof(CompileScheduledSnapshot))]
    public Task Run([TimerTrigger("%Observatory:SnapshotSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        _publisher.PublishAsync(SnapshotPublisher.ScheduledYear(_clock.GetUtcNow()), cancellationToken);
}

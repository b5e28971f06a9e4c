using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Submissions;

namespace Observatory.Functions.Submissions;

/// <summary>
/// Timer trigger: queues again the submissions whose message an outage lost and removes the raw files of intakes
/// that stopped half-way, on the schedule of the setting Observatory:StaleSubmissionSweepSchedule (default every 5 minutes).
/// </summary>
public sealed class SweepStaleSubmissions
{
    private readonly StaleSubmissionSweep _sweep;

    /// <summary>Creates the function.</summary>
    public SweepStaleSubmissions(StaleSubmissionSweep sweep) => _sweep = sweep;

    /// <summary>Runs the sweep once.</summary>
    [Function(nameof(SweepStaleSubmissions))]
    public Task Run([TimerTrigger("%Observatory:StaleSubmissionSweepSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        _sweep.RunAsync(cancellationToken);
}

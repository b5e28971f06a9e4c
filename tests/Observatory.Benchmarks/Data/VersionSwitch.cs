using Observatory.Core.Observations;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;

namespace Observatory.Benchmarks.Data;

/// <summary>Makes a version written by a benchmark current, as a replacement received now (what the promoter does for one, without its merge).</summary>
public static class VersionSwitch
{
    /// <summary>Switches the pointer of the state and year to <paramref name="submissionId"/>.</summary>
    public static async Task MakeCurrentAsync(IObservationStore store, string country, int year, string submissionId)
    {
        var pointer = await store.ReadPointerAsync(country, year, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var next = new CurrentPointer(submissionId, now, [new AppliedSubmission(submissionId, now, SubmissionMode.Replace, pointer?.CurrentVersion)], null);
        if (!await store.TrySwitchPointerAsync(country, year, pointer, next, CancellationToken.None))
            throw new InvalidOperationException($"The pointer of {country} {year} moved while the benchmark switched it.");
    }
}

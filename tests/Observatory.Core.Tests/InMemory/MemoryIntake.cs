using Microsoft.Extensions.Logging.Abstractions;
using Observatory.Core.ReferenceData;
using Observatory.Core.Reporting;
using Observatory.Core.Submissions;

namespace Observatory.Core.Tests.InMemory;

/// <summary>The intake over in-memory ports, on a clock the test controls.</summary>
internal sealed class MemoryIntake
{
    public MemoryIntake(DateTimeOffset now)
    {
        Clock = new ManualClock(now);
        var options = new ObservatoryOptions();
        Policy = new ReportingPolicy(ReferenceDataSet.Default.States, Clock);
        var requeue = new SubmissionRequeue(Submissions, Queue, options, Clock);
        Intake = new SubmissionIntake(Submissions, RawFiles, Queue, Locks, new UploadTermsReader(ReferenceDataSet.Default, options, Policy),
            requeue, Clock, NullLogger<SubmissionIntake>.Instance);
    }

    public ManualClock Clock { get; }
    public ReportingPolicy Policy { get; }
    public MemorySubmissionStore Submissions { get; } = new();
    public MemoryRawFileStore RawFiles { get; } = new();
    public MemoryWorkQueue Queue { get; } = new();
    public MemoryStateYearLocks Locks { get; } = new();
    public SubmissionIntake Intake { get; }
}

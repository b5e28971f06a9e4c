using Microsoft.Extensions.Logging.Abstractions;
using Observatory.Core.Notifications;
using Observatory.Core.Observations;
using Observatory.Core.ReferenceData;
using Observatory.Core.Reporting;
using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Series;
using Observatory.Core.Submissions;
using Observatory.Core.Validation;

namespace Observatory.Core.Tests.InMemory;

/// <summary>The intake, the processing and the publishing over in-memory ports, wired as the Function App wires them, on a clock the test controls.</summary>
internal sealed class MemoryPipeline
{
    public MemoryPipeline(DateTimeOffset now)
    {
        Clock = new ManualClock(now);
        var data = ReferenceDataSet.Default;
        var options = new ObservatoryOptions();
        Policy = new ReportingPolicy(data.States, Clock);
        var requeue = new SubmissionRequeue(Submissions, Queue, options, Clock);
        Intake = new SubmissionIntake(Submissions, RawFiles, Queue, Locks, new UploadTermsReader(data, options, Policy),
            requeue, Clock, NullLogger<SubmissionIntake>.Instance);
        Processor = new SubmissionProcessor(Submissions, RawFiles, Reports, new VersionPromoter(Observations, Clock), data,
            new ReturnValidation(Observations, data, new ReturnValidator(data), Policy),
            new VerdictAnnouncer(Submissions, Notifications, Clock, NullLogger<VerdictAnnouncer>.Instance), Clock,
            NullLogger<SubmissionProcessor>.Instance);
        Leases = new MemoryLeases(Clock);
        var series = new SeriesPublisher(Snapshots, Series, Leases, data, options, Clock, NullLogger<SeriesPublisher>.Instance);
        Publisher = new SnapshotPublisher(Observations, Snapshots, DisclosureReports, Leases, data, options, Clock,
            NullLogger<SnapshotPublisher>.Instance, series, Policy);
    }

    public ManualClock Clock { get; }
    public ReportingPolicy Policy { get; }
    public MemorySubmissionStore Submissions { get; } = new();
    public MemoryRawFileStore RawFiles { get; } = new();
    public MemoryWorkQueue Queue { get; } = new();
    public MemoryStateYearLocks Locks { get; } = new();
    public MemoryObservationStore Observations { get; } = new();
    public MemoryReportStore Reports { get; } = new();
    public MemoryNotifications Notifications { get; } = new();
    public SubmissionIntake Intake { get; }
    public SubmissionProcessor Processor { get; }
    public MemorySnapshotStore Snapshots { get; } = new();
    public MemorySeriesStore Series { get; } = new();
    public MemoryDisclosureReportStore DisclosureReports { get; } = new();
    public MemoryLeases Leases { get; }
    public SnapshotPublisher Publisher { get; }
}

using Observatory.Core.Ports;
using Observatory.Core.Submissions;

namespace Observatory.Core.Tests.InMemory;

/// <summary>Validation reports in memory.</summary>
internal sealed class MemoryReportStore : IReportStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SubmissionReport> _reports = new(StringComparer.Ordinal);

    public Task SaveAsync(SubmissionReport report, CancellationToken cancellationToken)
    {
        lock (_lock) _reports[report.SubmissionId] = report;
        return Task.CompletedTask;
    }

    public Task<SubmissionReport?> FindAsync(string submissionId, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_reports.GetValueOrDefault(submissionId));
    }
}

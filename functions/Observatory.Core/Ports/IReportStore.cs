using Observatory.Core.Submissions;

namespace Observatory.Core.Ports;

/// <summary>The validation reports of processed submissions.</summary>
public interface IReportStore
{
    /// <summary>Stores (or replaces, for a reprocessed submission) the report of a submission.</summary>
    Task SaveAsync(SubmissionReport report, CancellationToken cancellationToken);

    /// <summary>The report of a submission, or null before it has been processed.</summary>
    Task<SubmissionReport?> FindAsync(string submissionId, CancellationToken cancellationToken);
}

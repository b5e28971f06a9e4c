namespace Observatory.Core.Submissions;

/// <summary>
/// The note an intake leaves before it stores a raw file, so that a raw file whose record was never created (an outage
/// between the two steps) is found and removed by the sweep instead of being orphaned.
/// </summary>
/// <param name="SubmissionId">The id the submission will have.</param>
/// <param name="Country">ISO3 of its state.</param>
/// <param name="Year">Its reporting year.</param>
/// <param name="RawFileName">The raw file the intake stores.</param>
/// <param name="StartedAt">When the intake began.</param>
public sealed record PendingIntake(string SubmissionId, string Country, int Year, string RawFileName, DateTimeOffset StartedAt)
{
    /// <summary>The note for a submission about to be stored.</summary>
    public static PendingIntake For(Submission submission) =>
        new(submission.Id, submission.Country, submission.Year, SubmissionIntake.RawFileName(submission), submission.ReceivedAt);
}

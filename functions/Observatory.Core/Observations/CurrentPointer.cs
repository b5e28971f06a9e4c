using Observatory.Core.Submissions;

namespace Observatory.Core.Observations;

/// <summary>
/// One accepted submission applied to a state-year's current data, with its place in the order of application.
/// </summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="ReceivedAt">When it was received: the order in which submissions apply (ties: the id, ordinal).</param>
/// <param name="Mode">Whether it replaced the data or amended some cells.</param>
/// <param name="AppliedOnto">The version that was current when it became current; null when there was none.</param>
public sealed record AppliedSubmission(string SubmissionId, DateTimeOffset ReceivedAt, SubmissionMode Mode, string? AppliedOnto)
{
    /// <summary>True when this submission comes after <paramref name="other"/> in the order of application.</summary>
    public bool IsAfter(AppliedSubmission other) =>
        ReceivedAt > other.ReceivedAt || (ReceivedAt == other.ReceivedAt && string.CompareOrdinal(SubmissionId, other.SubmissionId) > 0);
}

/// <summary>
/// The pointer of a state and year: the version that is current, and the submissions its data is made of, in
/// received order, from the last replacement on (or from the first submission when none replaced the data).
/// </summary>
/// <param name="CurrentVersion">The submission whose version is current.</param>
/// <param name="AcceptedAt">When that version became current.</param>
/// <param name="Applied">The submissions the current data is made of, in received order; the first is the replacement they build on, if any.</param>
/// <param name="ETag">The stored pointer's concurrency token, given back on a switch; null for a pointer not yet stored.</param>
public sealed record CurrentPointer(string CurrentVersion, DateTimeOffset AcceptedAt, IReadOnlyList<AppliedSubmission> Applied, string? ETag)
{
    /// <summary>The entry of <paramref name="submissionId"/> when it is part of the current data.</summary>
    public AppliedSubmission? Find(string submissionId) => Applied.FirstOrDefault(a => a.SubmissionId == submissionId);
}

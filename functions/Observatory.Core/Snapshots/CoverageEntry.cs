using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots;

/// <summary>One line of coverage.csv: whether a state reported for the year, and what.</summary>
/// <param name="State">The member state.</param>
/// <param name="Participating">True when the state was expected to report for the year.</param>
/// <param name="SubmissionId">The submission whose data is published; null when the state has no accepted data.</param>
/// <param name="AcceptedAt">When that submission was accepted (UTC, to the second); null when none.</param>
/// <param name="Indicators">The indicators it reported, in catalog order.</param>
internal sealed record CoverageEntry(MemberState State, bool Participating, string? SubmissionId, DateTime? AcceptedAt, IReadOnlyList<string> Indicators)
{
    /// <summary>True when the state has accepted data for the year.</summary>
    public bool Submitted => SubmissionId is not null;
}

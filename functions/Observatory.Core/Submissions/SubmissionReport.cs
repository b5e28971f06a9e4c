using Observatory.Core.Problems;
using Observatory.Core.Validation;

namespace Observatory.Core.Submissions;

/// <summary>The validation report of a processed submission, kept with messages as keys so it renders in any language.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="Errors">Problems that rejected it, the first ones in detail (see <see cref="Reading.ReturnLimits.MaxDetailedProblems"/>).</param>
/// <param name="Warnings">Problems reported with it, the first ones in detail.</param>
public sealed record SubmissionReport(string SubmissionId, IReadOnlyList<Problem> Errors, IReadOnlyList<Problem> Warnings)
{
    /// <summary>The problems found beyond those listed, counted by severity and type; empty for most reports.</summary>
    public IReadOnlyList<ProblemCount> Omitted { get; init; } = [];
}

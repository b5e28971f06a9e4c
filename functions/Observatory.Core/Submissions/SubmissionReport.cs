using Observatory.Core.Validation;

namespace Observatory.Core.Submissions;

/// <summary>The validation report of a processed submission, kept with messages as keys so it renders in any language.</summary>
/// <param name="SubmissionId">The submission.</param>
/// <param name="Errors">Problems that rejected it.</param>
/// <param name="Warnings">Problems reported with it.</param>
public sealed record SubmissionReport(string SubmissionId, IReadOnlyList<Problem> Errors, IReadOnlyList<Problem> Warnings);

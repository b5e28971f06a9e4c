using Observatory.Core.Domain;
using Observatory.Core.Problems;

namespace Observatory.Core.Validation;

/// <summary>The verdict on a return: its normalized observations, or what is wrong with it.</summary>
/// <param name="Rows">The data rows read (blank rows not counted).</param>
/// <param name="Observations">The normalized observations; complete only when there are no errors.</param>
/// <param name="Errors">Problems that reject the submission, the first <see cref="Reading.ReturnLimits.MaxDetailedProblems"/> in detail.</param>
/// <param name="Warnings">Problems reported with an accepted submission, the first <see cref="Reading.ReturnLimits.MaxDetailedProblems"/> in detail.</param>
public sealed record ValidationOutcome(int Rows, IReadOnlyList<Observation> Observations, IReadOnlyList<Problem> Errors, IReadOnlyList<Problem> Warnings)
{
    /// <summary>The problems found beyond those in <see cref="Errors"/> and <see cref="Warnings"/>, counted by severity and type.</summary>
    public IReadOnlyList<ProblemCount> Omitted { get; init; } = [];

    /// <summary>Every error found, listed or only counted.</summary>
    public int ErrorCount => Errors.Count + Omitted.Where(o => o.Severity == Severity.Error).Sum(o => o.Count);

    /// <summary>Every warning found, listed or only counted.</summary>
    public int WarningCount => Warnings.Count + Omitted.Where(o => o.Severity == Severity.Warning).Sum(o => o.Count);

    /// <summary>True when nothing rejects the submission.</summary>
    public bool Accepted => ErrorCount == 0;
}

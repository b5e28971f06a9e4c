using Observatory.Core.Domain;

namespace Observatory.Core.Validation;

/// <summary>The verdict on a return: its normalized observations, or what is wrong with it.</summary>
/// <param name="Rows">The data rows read (blank rows not counted).</param>
/// <param name="Observations">The normalized observations; complete only when there are no errors.</param>
/// <param name="Errors">Problems that reject the submission.</param>
/// <param name="Warnings">Problems reported with an accepted submission.</param>
public sealed record ValidationOutcome(int Rows, IReadOnlyList<Observation> Observations, IReadOnlyList<Problem> Errors, IReadOnlyList<Problem> Warnings)
{
    /// <summary>True when nothing rejects the submission.</summary>
    public bool Accepted => Errors.Count == 0;
}

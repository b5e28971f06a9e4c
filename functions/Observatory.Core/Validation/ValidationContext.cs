using Observatory.Core.Domain;
using Observatory.Core.ReferenceData;
using Observatory.Core.Reporting;

namespace Observatory.Core.Validation;

/// <summary>What the validator knows besides the file.</summary>
/// <param name="State">The state the submission is for.</param>
/// <param name="Year">The reporting year the submission is for.</param>
/// <param name="PreviousYear">The state's accepted observations of the year before, keyed by <see cref="Observation.Key"/>; empty when none.</param>
public sealed record ValidationContext(MemberState State, int Year, IReadOnlyDictionary<string, Observation> PreviousYear)
{
    /// <summary>
    /// The years a year cell may name at all (<see cref="ReportingPolicy.Years"/>): one outside them is not a year
    /// (a type error), one inside them other than <see cref="Year"/> is the wrong year. By default from
    /// <see cref="ReportingPolicy.FirstYear"/> to <see cref="Year"/>; the processing and the dry run give the policy's.
    /// </summary>
    public ReportingYears Years { get; init; } = new(ReportingPolicy.FirstYear, Math.Max(ReportingPolicy.FirstYear, Year));
}

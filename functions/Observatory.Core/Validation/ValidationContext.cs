using Observatory.Core.Domain;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Validation;

/// <summary>What the validator knows besides the file.</summary>
/// <param name="State">The state the submission is for.</param>
/// <param name="Year">The reporting year the submission is for.</param>
/// <param name="PreviousYear">The state's accepted observations of the year before, keyed by <see cref="Observation.Key"/>; empty when none.</param>
public sealed record ValidationContext(MemberState State, int Year, IReadOnlyDictionary<string, Observation> PreviousYear);

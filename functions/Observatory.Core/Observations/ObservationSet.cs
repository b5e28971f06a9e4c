using Observatory.Core.Domain;

namespace Observatory.Core.Observations;

/// <summary>The current accepted data of a state and year.</summary>
/// <param name="Country">ISO3 code.</param>
/// <param name="Year">Reporting year.</param>
/// <param name="SubmissionId">The submission whose version is current.</param>
/// <param name="AcceptedAt">When that version became current.</param>
/// <param name="Observations">Its observations, ordered by <see cref="Observation.Key"/>.</param>
public sealed record ObservationSet(string Country, int Year, string SubmissionId, DateTimeOffset AcceptedAt, IReadOnlyList<Observation> Observations);

using Observatory.Core.Domain;
using Observatory.Core.Observations;

namespace Observatory.Core.Ports;

/// <summary>
/// The accepted data of each state and year. Every accepted submission is stored as a version of its own; one
/// pointer per state and year names the current version, so a reader sees the old data or the new, never a mix,
/// and older versions stay as history.
/// </summary>
public interface IObservationStore
{
    /// <summary>
    /// Writes the observations of a submission as its version (idempotent: writing the same version again leaves
    /// the same stored state). The version is invisible to readers until promoted.
    /// </summary>
    Task WriteVersionAsync(string country, int year, string submissionId, IReadOnlyList<Observation> observations, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a written version current, unless the current version was received later. Returns true when the
    /// version is current afterwards.
    /// </summary>
    Task<bool> PromoteAsync(string country, int year, string submissionId, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>The current version of a state and year, optionally one indicator only; null when none was accepted.</summary>
    Task<ObservationSet?> ReadCurrentAsync(string country, int year, string? indicator, CancellationToken cancellationToken);
}

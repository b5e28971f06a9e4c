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
    /// Makes a written version current, unless the current version was received later.
    /// </summary>
    Task<Promotion> PromoteAsync(string country, int year, string submissionId, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>A written version of a state and year, current or not; null when no such version was written.</summary>
    Task<IReadOnlyList<Observation>?> ReadVersionAsync(string country, int year, string submissionId, CancellationToken cancellationToken);

    /// <summary>The current version of a state and year, optionally one indicator only; null when none was accepted.</summary>
    Task<ObservationSet?> ReadCurrentAsync(string country, int year, string? indicator, CancellationToken cancellationToken);
}

/// <summary>What a promotion did.</summary>
/// <param name="IsCurrent">True when the version is current afterwards.</param>
/// <param name="Replaced">The version it replaced as current; null when there was none, or when it did not become current.</param>
public sealed record Promotion(bool IsCurrent, string? Replaced);

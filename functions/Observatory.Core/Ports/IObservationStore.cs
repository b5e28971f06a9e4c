using Observatory.Core.Domain;
using Observatory.Core.Observations;

namespace Observatory.Core.Ports;

/// <summary>
/// The accepted data of each state and year. Every accepted submission is stored as a version of its own; one
/// pointer per state and year names the current version, so a reader sees the old data or the new, never a mix,
/// and older versions stay as history. Which version becomes current, and what it holds, is decided by
/// <see cref="VersionPromoter"/>; the store only writes, reads and switches with optimistic concurrency.
/// </summary>
public interface IObservationStore
{
    /// <summary>
    /// Writes the observations of a submission as its version (idempotent: writing the same version again leaves
    /// the same stored state). The version is invisible to readers until the pointer names it.
    /// </summary>
    /// <param name="country">ISO3 code.</param>
    /// <param name="year">Reporting year.</param>
    /// <param name="submissionId">The version's submission.</param>
    /// <param name="observations">The version's whole data.</param>
    /// <param name="amendedKeys">For an amendment, the keys of the cells it set itself (kept so that they can be
    /// applied again when an earlier submission finishes later); null otherwise.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task WriteVersionAsync(string country, int year, string submissionId, IReadOnlyList<Observation> observations,
        IReadOnlySet<string>? amendedKeys, CancellationToken cancellationToken);

    /// <summary>Removes every row of a version that is not current (left by an attempt whose switch lost a race, before writing it again).</summary>
    Task DeleteVersionAsync(string country, int year, string submissionId, CancellationToken cancellationToken);

    /// <summary>The pointer of a state and year, with its concurrency token; null when nothing was accepted yet.</summary>
    Task<CurrentPointer?> ReadPointerAsync(string country, int year, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the pointer with <paramref name="next"/> only if it is still <paramref name="expected"/> (its ETag;
    /// null: only if there is none yet). Returns false, changing nothing, when another writer switched it first.
    /// </summary>
    Task<bool> TrySwitchPointerAsync(string country, int year, CurrentPointer? expected, CurrentPointer next, CancellationToken cancellationToken);

    /// <summary>A written version of a state and year, current or not; null when no such version was written.</summary>
    Task<IReadOnlyList<Observation>?> ReadVersionAsync(string country, int year, string submissionId, CancellationToken cancellationToken);

    /// <summary>The cells an amendment set itself, as they stand in its version.</summary>
    Task<IReadOnlyList<Observation>> ReadAmendedCellsAsync(string country, int year, string submissionId, CancellationToken cancellationToken);

    /// <summary>The current version of a state and year, optionally one indicator only; null when none was accepted.</summary>
    Task<ObservationSet?> ReadCurrentAsync(string country, int year, string? indicator, CancellationToken cancellationToken);
}

/// <summary>What a promotion did.</summary>
/// <param name="BecameCurrent">True when the submission's data is part of the current data (its version became current).</param>
/// <param name="Replaced">The version that was current when it became current; null when there was none, or when it did not become current.</param>
public sealed record Promotion(bool BecameCurrent, string? Replaced);

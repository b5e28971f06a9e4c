using Observatory.Core.Submissions;

namespace Observatory.Core.Ports;

/// <summary>The submission records: status, counts and the raw file's identity.</summary>
public interface ISubmissionStore
{
    /// <summary>The submission with this id, or null.</summary>
    Task<Submission?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The submission of the state and year whose raw file has this SHA-256, or null.</summary>
    Task<Submission?> FindByContentAsync(string country, int year, string sha256, CancellationToken cancellationToken);

    /// <summary>
    /// Creates the record together with its content marker, atomically. Returns false, creating nothing, when a
    /// submission with the same content already exists for the state and year.
    /// </summary>
    Task<bool> TryCreateAsync(Submission submission, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored record with optimistic concurrency, re-reading and
    /// re-applying on a conflict. Returns the stored result.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No submission has that id.</exception>
    Task<Submission> UpdateAsync(string id, Func<Submission, Submission> change, CancellationToken cancellationToken);

    /// <summary>Removes a record and its content marker (only to undo an upload that was never acknowledged).</summary>
    Task DeleteAsync(Submission submission, CancellationToken cancellationToken);

    /// <summary>The submissions of a state, of one year or all years, newest first.</summary>
    Task<IReadOnlyList<Submission>> ListAsync(string country, int? year, CancellationToken cancellationToken);
}

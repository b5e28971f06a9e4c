using Observatory.Core.Notifications;
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
    /// Creates the record together with its content marker and removes the intake's <paramref name="note"/>, atomically:
    /// the raw file is never without either its record or its note. Returns false, changing nothing, when a submission
    /// with the same content already exists for the state and year.
    /// </summary>
    Task<bool> TryCreateAsync(Submission submission, PendingIntake note, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored record with optimistic concurrency, re-reading and
    /// re-applying on a conflict. Returns the stored result.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No submission has that id.</exception>
    Task<Submission> UpdateAsync(string id, Func<Submission, Submission> change, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> as <see cref="UpdateAsync"/> does and, in the same transaction, records that
    /// <paramref name="announcement"/> must reach the notifications queue (an outbox row beside the record, written at
    /// <paramref name="at"/>): a verdict is never stored without its announcement, nor announced without being stored.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No submission has that id.</exception>
    Task<Submission> UpdateAndAnnounceAsync(string id, Func<Submission, Submission> change, NotificationMessage announcement, DateTimeOffset at,
        CancellationToken cancellationToken);

    /// <summary>Removes the outbox row of an announcement now on the queue; nothing when there is none.</summary>
    Task RemoveAnnouncementAsync(NotificationMessage announcement, CancellationToken cancellationToken);

    /// <summary>The announcements recorded before <paramref name="madeBefore"/> and not removed: they may never have been queued.</summary>
    Task<IReadOnlyList<NotificationMessage>> ListAnnouncementsAsync(DateTimeOffset madeBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Notes that an intake is about to store a raw file, before it does: if the intake stops half-way (an outage, a
    /// crash), the note lets the sweep remove what it left. The record's creation removes it (<see cref="TryCreateAsync"/>);
    /// an upload that is undone removes it with <see cref="EndIntakeAsync"/>.
    /// </summary>
    Task BeginIntakeAsync(PendingIntake intake, CancellationToken cancellationToken);

    /// <summary>Removes the note of an intake; nothing when there is none.</summary>
    Task EndIntakeAsync(PendingIntake intake, CancellationToken cancellationToken);

    /// <summary>The notes of intakes begun before <paramref name="startedBefore"/> and never ended, of every state and year.</summary>
    Task<IReadOnlyList<PendingIntake>> ListPendingIntakesAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken);

    /// <summary>The submissions of every state and year that are queued and were last put on the queue before <paramref name="queuedBefore"/>.</summary>
    Task<IReadOnlyList<Submission>> ListQueuedAsync(DateTimeOffset queuedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Removes a record and its content marker and puts the intake's <paramref name="note"/> back, atomically (only to
    /// undo an upload that was never acknowledged): the raw file, still there, is never without one or the other.
    /// </summary>
    Task UndoCreateAsync(Submission submission, PendingIntake note, CancellationToken cancellationToken);

    /// <summary>The submissions of a state, of one year or all years, newest first.</summary>
    Task<IReadOnlyList<Submission>> ListAsync(string country, int? year, CancellationToken cancellationToken);
}

using Observatory.Core.Notifications;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;

namespace Observatory.Core.Tests.InMemory;

/// <summary>
/// The submission records in memory, with the table store's promises: a record and its content marker are created
/// together (removing the intake's note) or not at all, updates re-read and re-apply, and a verdict's announcement
/// is kept with it. <see cref="BeforeCreate"/> runs inside every create, before
/// its check, so a test can hold two uploads there and make them race.
/// </summary>
internal sealed class MemorySubmissionStore : ISubmissionStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Submission> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Country, int Year, string Sha256), string> _markers = [];
    private readonly Dictionary<string, PendingIntake> _notes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (NotificationMessage Message, DateTimeOffset At)> _outbox = new(StringComparer.Ordinal);

    /// <summary>Runs at the start of every create, outside the store's lock.</summary>
    public Func<Submission, Task>? BeforeCreate { get; set; }

    /// <summary>Every record, in no order.</summary>
    public IReadOnlyList<Submission> All { get { lock (_lock) return [.. _records.Values]; } }

    /// <summary>The intake notes not yet removed.</summary>
    public IReadOnlyList<PendingIntake> Notes { get { lock (_lock) return [.. _notes.Values]; } }

    public Task<Submission?> FindAsync(string id, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult(_records.GetValueOrDefault(id));
    }

    public Task<Submission?> FindByContentAsync(string country, int year, string sha256, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult(_markers.TryGetValue((country, year, sha256), out var id) ? _records.GetValueOrDefault(id) : null);
    }

    public async Task<bool> TryCreateAsync(Submission submission, PendingIntake note, CancellationToken cancellationToken)
    {
        if (BeforeCreate is { } hook) await hook(submission);
        lock (_lock)
        {
            var marker = (submission.Country, submission.Year, submission.Sha256);
            if (_markers.ContainsKey(marker) || _records.ContainsKey(submission.Id)) return false;
            if (!_notes.Remove(note.SubmissionId)) throw new InvalidOperationException($"No intake note of {note.SubmissionId}.");
            _records[submission.Id] = submission;
            _markers[marker] = submission.Id;
            return true;
        }
    }

    public Task<Submission> UpdateAsync(string id, Func<Submission, Submission> change, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_records.TryGetValue(id, out var current)) throw new KeyNotFoundException($"No submission {id}.");
            return Task.FromResult(_records[id] = change(current));
        }
    }

    public Task<Submission> UpdateAndAnnounceAsync(string id, Func<Submission, Submission> change, NotificationMessage announcement, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_records.TryGetValue(id, out var current)) throw new KeyNotFoundException($"No submission {id}.");
            _outbox[announcement.Id] = (announcement, at);
            return Task.FromResult(_records[id] = change(current));
        }
    }

    public Task RemoveAnnouncementAsync(NotificationMessage announcement, CancellationToken cancellationToken)
    {
        lock (_lock) _outbox.Remove(announcement.Id);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NotificationMessage>> ListAnnouncementsAsync(DateTimeOffset madeBefore, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<NotificationMessage>>([.. _outbox.Values.Where(p => p.At < madeBefore).Select(p => p.Message)]);
    }

    public Task BeginIntakeAsync(PendingIntake intake, CancellationToken cancellationToken)
    {
        lock (_lock) _notes[intake.SubmissionId] = intake;
        return Task.CompletedTask;
    }

    public Task EndIntakeAsync(PendingIntake intake, CancellationToken cancellationToken)
    {
        lock (_lock) _notes.Remove(intake.SubmissionId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PendingIntake>> ListPendingIntakesAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<PendingIntake>>([.. _notes.Values.Where(n => n.StartedAt < startedBefore)]);
    }

    public Task<IReadOnlyList<Submission>> ListQueuedAsync(DateTimeOffset queuedBefore, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<Submission>>(
                [.. _records.Values.Where(s => s.Status == SubmissionStatus.Queued && (s.QueuedAt ?? s.ReceivedAt) < queuedBefore)]);
    }

    public Task UndoCreateAsync(Submission submission, PendingIntake note, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _records.Remove(submission.Id);
            var marker = (submission.Country, submission.Year, submission.Sha256);
            if (_markers.TryGetValue(marker, out var id) && id == submission.Id) _markers.Remove(marker);
            _notes[note.SubmissionId] = note;
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Submission>> ListAsync(string country, int? year, CancellationToken cancellationToken)
    {
        lock (_lock)
            return Task.FromResult<IReadOnlyList<Submission>>(
                [.. _records.Values.Where(s => s.Country == country && (year is null || s.Year == year)).OrderByDescending(s => s.ReceivedAt)]);
    }
}

using Azure;
using Azure.Data.Tables;
using Observatory.Core.Languages;
using Observatory.Core.Notifications;
using Observatory.Core.Ports;
using Observatory.Core.Reading;
using Observatory.Core.Submissions;

namespace Observatory.Storage;

/// <summary>
/// Submission records in Table Storage. One partition per state and year ("MEX-2025") holds the records (row key:
/// the submission id) and, beside each, a content marker (row key: "~sha256~" and the file's hash) created in the
/// same entity-group transaction, so two uploads of the same bytes can never both create a submission; the notes of
/// intakes under way ("~intake~" and the id); and the outbox rows of verdicts not yet known to be queued ("~outbox~"
/// and the notification id), written in the transaction that stores the verdict.
/// </summary>
public sealed class TableSubmissionStore : ISubmissionStore
{
    // '~' sorts after every character of a submission id, so the markers stay out of range scans of records.
    private const string ContentMarkerPrefix = "~sha256~";
    // Notes of intakes under way, beside the records of their state and year.
    private const string IntakePrefix = "~intake~";
    // Announcements of verdicts owed to the notifications queue, beside the records of their state and year.
    private const string OutboxPrefix = "~outbox~";
    private readonly TableClient _table;
    // Saves re-reading a record before each update of a submission this instance has just read or written.
    private readonly KnownEntityVersions<Submission> _known = new();

    /// <summary>Creates the store over the submissions table.</summary>
    public TableSubmissionStore(TableServiceClient service) => _table = service.GetTableClient(StorageNames.SubmissionsTable);

    /// <inheritdoc />
    public async Task<Submission?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!SubmissionId.TryParse(id, out var country, out var year)) return null;
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(RowKeys.StateYear(country, year), id, cancellationToken: cancellationToken);
        if (!response.HasValue) return null;
        var submission = ToSubmission(response.Value!);
        _known.Remember(id, submission, response.Value!.ETag);
        return submission;
    }

    /// <inheritdoc />
    public async Task<Submission?> FindByContentAsync(string country, int year, string sha256, CancellationToken cancellationToken)
    {
        var marker = await _table.GetEntityIfExistsAsync<TableEntity>(RowKeys.StateYear(country, year), ContentMarkerPrefix + sha256, cancellationToken: cancellationToken);
        return marker.HasValue ? await FindAsync(marker.Value!.GetString("SubmissionId"), cancellationToken) : null;
    }

    /// <inheritdoc />
    public async Task<bool> TryCreateAsync(Submission submission, PendingIntake note, CancellationToken cancellationToken)
    {
        var partition = RowKeys.StateYear(submission.Country, submission.Year);
        var marker = new TableEntity(partition, ContentMarkerPrefix + submission.Sha256) { ["SubmissionId"] = submission.Id };
        try
        {
            // The note is in the record's partition (the intake's state and year), so one entity-group transaction holds all three.
            await _table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, ToEntity(submission)),
                 new TableTransactionAction(TableTransactionActionType.Add, marker),
                 new TableTransactionAction(TableTransactionActionType.Delete, NoteKey(note), ETag.All)],
                cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public Task<Submission> UpdateAsync(string id, Func<Submission, Submission> change, CancellationToken cancellationToken) =>
        WriteAsync(id, change, beside: null, cancellationToken);

    /// <inheritdoc />
    public Task<Submission> UpdateAndAnnounceAsync(string id, Func<Submission, Submission> change, NotificationMessage announcement, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (!SubmissionId.TryParse(id, out var country, out var year)) throw new KeyNotFoundException($"No submission {id}.");
        var outbox = new TableEntity(RowKeys.StateYear(country, year), OutboxKey(announcement)) { ["Message"] = announcement.Serialize(), ["At"] = at };
        return WriteAsync(id, change, outbox, cancellationToken);
    }

    /// <inheritdoc />
    public Task RemoveAnnouncementAsync(NotificationMessage announcement, CancellationToken cancellationToken)
    {
        if (announcement.SubmissionId is not { } id || !SubmissionId.TryParse(id, out var country, out var year)) return Task.CompletedTask;
        return _table.DeleteEntityAsync(RowKeys.StateYear(country, year), OutboxKey(announcement), ETag.All, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NotificationMessage>> ListAnnouncementsAsync(DateTimeOffset madeBefore, CancellationToken cancellationToken)
    {
        // '~' sorts after every character of a notification key: the range holds the outbox rows and nothing else.
        var filter = $"RowKey ge '{OutboxPrefix}' and RowKey lt '{OutboxPrefix}~'";
        var list = new List<NotificationMessage>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            if (row.GetDateTimeOffset("At") is { } at && at < madeBefore && row.GetString("Message") is { } text)
                list.Add(NotificationMessage.Parse(text));
        return list;
    }

    /// <summary>
    /// Replaces the record with <paramref name="change"/> applied, from the version this instance last read or wrote
    /// (read first when it has none), together with <paramref name="beside"/> (an entity of the record's partition) in
    /// one transaction when given. A version changed by another writer since is refused, read afresh and changed again.
    /// </summary>
    private async Task<Submission> WriteAsync(string id, Func<Submission, Submission> change, TableEntity? beside, CancellationToken cancellationToken)
    {
        if (!SubmissionId.TryParse(id, out var country, out var year)) throw new KeyNotFoundException($"No submission {id}.");
        var partition = RowKeys.StateYear(country, year);
        return await ConcurrencyRetry.Pipeline.ExecuteAsync(async token =>
        {
            if (!_known.TryGet(id, out var known, out var etag))
            {
                var current = await _table.GetEntityIfExistsAsync<TableEntity>(partition, id, cancellationToken: token);
                if (!current.HasValue) throw new KeyNotFoundException($"No submission {id}.");
                (known, etag) = (ToSubmission(current.Value!), current.Value!.ETag);
            }
            var changed = change(known);
            try
            {
                var written = await ReplaceAsync(ToEntity(changed), etag, beside, token);
                _known.Remember(id, changed, written);
                return changed;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Changed (or removed) by another writer since this version: the retry reads it afresh.
                _known.Forget(id);
                if (ex.Status == 404) throw new KeyNotFoundException($"No submission {id}.", ex);
                throw;
            }
        }, cancellationToken);
    }

    /// <summary>Replaces <paramref name="record"/> if it is still at <paramref name="etag"/>, with <paramref name="beside"/> in the same transaction; returns the record's new ETag.</summary>
    private async Task<ETag> ReplaceAsync(TableEntity record, ETag etag, TableEntity? beside, CancellationToken cancellationToken)
    {
        if (beside is null)
            return (await _table.UpdateEntityAsync(record, etag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? default;
        var responses = await _table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.UpdateReplace, record, etag),
             new TableTransactionAction(TableTransactionActionType.UpsertReplace, beside)],
            cancellationToken);
        return responses.Value[0].Headers.ETag ?? default;
    }

    /// <inheritdoc />
    public async Task UndoCreateAsync(Submission submission, PendingIntake note, CancellationToken cancellationToken)
    {
        // Together: a marker left without its record would refuse the same bytes for ever, and a raw file left without
        // its record or its note would never be found by the sweep.
        var partition = RowKeys.StateYear(submission.Country, submission.Year);
        _known.Forget(submission.Id);
        try
        {
            await _table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, submission.Id), ETag.All),
                 new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, ContentMarkerPrefix + submission.Sha256), ETag.All),
                 new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(note))],
                cancellationToken);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            // The record is gone already: only the note is put back.
            await BeginIntakeAsync(note, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task BeginIntakeAsync(PendingIntake intake, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(ToEntity(intake), TableUpdateMode.Replace, cancellationToken);

    /// <inheritdoc />
    public Task EndIntakeAsync(PendingIntake intake, CancellationToken cancellationToken)
    {
        var key = NoteKey(intake);
        return _table.DeleteEntityAsync(key.PartitionKey, key.RowKey, ETag.All, cancellationToken);
    }

    private static string OutboxKey(NotificationMessage announcement) => OutboxPrefix + RowKeys.Safe(announcement.Id);

    // Notes sit beside the records of their state and year.
    private static TableEntity NoteKey(PendingIntake intake) => new(RowKeys.StateYear(intake.Country, intake.Year), IntakePrefix + intake.SubmissionId);

    private static TableEntity ToEntity(PendingIntake intake)
    {
        var entity = NoteKey(intake);
        entity["SubmissionId"] = intake.SubmissionId;
        entity["Country"] = intake.Country;
        entity["Year"] = intake.Year;
        entity["RawFileName"] = intake.RawFileName;
        entity["StartedAt"] = intake.StartedAt;
        return entity;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingIntake>> ListPendingIntakesAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken)
    {
        // '~' sorts after every character of an id: the range holds the notes and nothing else.
        var filter = $"RowKey ge '{IntakePrefix}' and RowKey lt '{IntakePrefix}~'";
        var list = new List<PendingIntake>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var intake = new PendingIntake(e.GetString("SubmissionId"), e.GetString("Country"), e.GetInt32("Year") ?? 0,
                e.GetString("RawFileName"), e.GetDateTimeOffset("StartedAt") ?? default);
            if (intake.StartedAt < startedBefore) list.Add(intake);
        }
        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Submission>> ListQueuedAsync(DateTimeOffset queuedBefore, CancellationToken cancellationToken)
    {
        var filter = $"Status eq '{nameof(SubmissionStatus.Queued)}' and RowKey lt '~'";
        var list = new List<Submission>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var submission = ToSubmission(entity);
            if ((submission.QueuedAt ?? submission.ReceivedAt) < queuedBefore) list.Add(submission);
        }
        return list;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Submission>> ListAsync(string country, int? year, CancellationToken cancellationToken)
    {
        var filter = year is { } y
            ? $"PartitionKey eq '{RowKeys.Escape(RowKeys.StateYear(country, y))}' and RowKey lt '~'"
            : $"PartitionKey ge '{RowKeys.Escape(country)}-' and PartitionKey lt '{RowKeys.Escape(country)}.' and RowKey lt '~'";
        var list = new List<Submission>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            list.Add(ToSubmission(entity));
        return list.OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal).ToList();
    }

    private static TableEntity ToEntity(Submission s) => new(RowKeys.StateYear(s.Country, s.Year), s.Id)
    {
        ["Country"] = s.Country,
        ["Year"] = s.Year,
        ["Status"] = s.Status.ToString(),
        ["ReceivedAt"] = s.ReceivedAt,
        ["QueuedAt"] = s.QueuedAt,
        ["CompletedAt"] = s.CompletedAt,
        ["FileName"] = s.FileName,
        ["ContentType"] = s.ContentType,
        ["Format"] = s.Format.ToString(),
        ["Sha256"] = s.Sha256,
        ["Size"] = s.Size,
        ["Language"] = s.Language.ToCode(),
        ["SubmittedBy"] = s.SubmittedBy,
        ["Attempts"] = s.Attempts,
        ["Rows"] = s.Counts.Rows,
        ["Observations"] = s.Counts.Observations,
        ["Errors"] = s.Counts.Errors,
        ["Warnings"] = s.Counts.Warnings,
        ["FailureReason"] = s.FailureReason,
        ["Mode"] = s.Mode.ToString(),
        ["Replaces"] = s.Replaces,
    };

    private static Submission ToSubmission(TableEntity e)
    {
        LanguageCodes.TryParse(e.GetString("Language"), out var language);
        return new Submission
        {
            Id = e.RowKey,
            Country = e.GetString("Country"),
            Year = e.GetInt32("Year") ?? 0,
            Status = Enum.Parse<SubmissionStatus>(e.GetString("Status")),
            ReceivedAt = e.GetDateTimeOffset("ReceivedAt") ?? default,
            CompletedAt = e.GetDateTimeOffset("CompletedAt"),
            QueuedAt = e.GetDateTimeOffset("QueuedAt"),
            FileName = e.GetString("FileName"),
            ContentType = e.GetString("ContentType"),
            Format = Enum.Parse<ReturnFormat>(e.GetString("Format")),
            Sha256 = e.GetString("Sha256"),
            Size = e.GetInt64("Size") ?? 0,
            Language = language,
            SubmittedBy = e.GetString("SubmittedBy") ?? string.Empty,
            Attempts = e.GetInt32("Attempts") ?? 0,
            Counts = new SubmissionCounts(e.GetInt32("Rows") ?? 0, e.GetInt32("Observations") ?? 0, e.GetInt32("Errors") ?? 0, e.GetInt32("Warnings") ?? 0),
            FailureReason = e.GetString("FailureReason"),
            Mode = Enum.TryParse<SubmissionMode>(e.GetString("Mode"), out var mode) ? mode : SubmissionMode.Replace,
            Replaces = e.GetString("Replaces"),
        };
    }
}

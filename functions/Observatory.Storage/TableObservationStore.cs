using Azure;
using Azure.Data.Tables;
using Observatory.Core.Domain;
using Observatory.Core.Observations;
using Observatory.Core.Ports;

namespace Observatory.Storage;

/// <summary>
/// Observations in Table Storage. All versions of a state and year share one partition ("MEX-2025"): a version's
/// rows have the row key "{submissionId}~{observation key}" and are written in entity-group transactions of up to
/// 100; the row "~current" names the current version. Switching that one row is what replaces a state-year's data,
/// so a reader who reads the pointer and then that version's rows never sees a mix of two submissions. The pointer
/// moves only with an ETag check (see <see cref="Observatory.Core.Observations.VersionPromoter"/>).
/// </summary>
public sealed class TableObservationStore : IObservationStore
{
    private const string CurrentRowKey = "~current";
    // Marks the rows of an amendment's version that the amendment set itself.
    private const string AmendedProperty = "Amended";
    private const int MaxBatchActions = 100;
    // Entity-group transactions take at most 4 MiB; notes can be long, so batches close early when large.
    private const int MaxBatchChars = 1_500_000;
    private readonly TableClient _table;

    /// <summary>Creates the store over the observations table.</summary>
    public TableObservationStore(TableServiceClient service) => _table = service.GetTableClient(StorageNames.ObservationsTable);

    /// <inheritdoc />
    public async Task WriteVersionAsync(string country, int year, string submissionId, IReadOnlyList<Observation> observations,
        IReadOnlySet<string>? amendedKeys, CancellationToken cancellationToken)
    {
        var partition = RowKeys.StateYear(country, year);
        var batch = new List<TableTransactionAction>(MaxBatchActions);
        var batchChars = 0;
        foreach (var observation in observations)
        {
            var entity = ToEntity(partition, submissionId, observation);
            if (amendedKeys?.Contains(observation.Key) == true) entity[AmendedProperty] = true;
            var chars = entity.RowKey.Length + (observation.Note?.Length ?? 0) + 200;
            if (batch.Count == MaxBatchActions || (batch.Count > 0 && batchChars + chars > MaxBatchChars))
            {
                await _table.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
                batchChars = 0;
            }
            // Upsert-replace makes a repeated write of the same version land on the same stored state.
            batch.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, entity));
            batchChars += chars;
        }
        if (batch.Count > 0) await _table.SubmitTransactionAsync(batch, cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteVersionAsync(string country, int year, string submissionId, CancellationToken cancellationToken)
    {
        var partition = RowKeys.StateYear(country, year);
        var batch = new List<TableTransactionAction>(MaxBatchActions);
        await foreach (var entity in _table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(partition, $"{submissionId}~"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, entity.RowKey), ETag.All));
            if (batch.Count == MaxBatchActions)
            {
                await _table.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
            }
        }
        if (batch.Count > 0) await _table.SubmitTransactionAsync(batch, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<CurrentPointer?> ReadPointerAsync(string country, int year, CancellationToken cancellationToken)
    {
        var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(RowKeys.StateYear(country, year), CurrentRowKey, cancellationToken: cancellationToken);
        return pointer.HasValue ? PointerRow.Read(pointer.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<bool> TrySwitchPointerAsync(string country, int year, CurrentPointer? expected, CurrentPointer next, CancellationToken cancellationToken)
    {
        var entity = PointerRow.Write(RowKeys.StateYear(country, year), CurrentRowKey, next);
        try
        {
            if (expected?.ETag is not { } etag) await _table.AddEntityAsync(entity, cancellationToken);
            else await _table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // 409: another writer created the pointer first; 412: another writer switched it since it was read.
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Observation>> ReadAmendedCellsAsync(string country, int year, string submissionId, CancellationToken cancellationToken)
    {
        var filter = $"{RowKeys.PrefixFilter(RowKeys.StateYear(country, year), $"{submissionId}~")} and {AmendedProperty} eq true";
        var cells = new List<Observation>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            cells.Add(ToObservation(country, year, entity));
        return cells;
    }

    /// <inheritdoc />
    public async Task<ObservationSet?> ReadCurrentAsync(string country, int year, string? indicator, CancellationToken cancellationToken)
    {
        var partition = RowKeys.StateYear(country, year);
        var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(partition, CurrentRowKey, cancellationToken: cancellationToken);
        if (!pointer.HasValue) return null;
        var submissionId = pointer.Value!.GetString("SubmissionId");
        var observations = await ReadRowsAsync(country, year, submissionId, indicator, cancellationToken);
        return new ObservationSet(country, year, submissionId, pointer.Value!.GetDateTimeOffset("AcceptedAt") ?? default, observations);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Observation>?> ReadVersionAsync(string country, int year, string submissionId, CancellationToken cancellationToken)
    {
        var observations = await ReadRowsAsync(country, year, submissionId, null, cancellationToken);
        return observations.Count == 0 ? null : observations;
    }

    private async Task<List<Observation>> ReadRowsAsync(string country, int year, string submissionId, string? indicator, CancellationToken cancellationToken)
    {
        // The rows of an indicator are "{submission}~{indicator}|…", or "{submission}~{indicator}" with no dimensions.
        var prefix = indicator is null ? $"{submissionId}~" : $"{submissionId}~{indicator}";
        var observations = new List<Observation>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(RowKeys.StateYear(country, year), prefix), cancellationToken: cancellationToken))
        {
            var observation = ToObservation(country, year, entity);
            // The prefix also matches indicators whose code merely starts with the one asked for; keep only that one.
            if (indicator is null || observation.Indicator == indicator) observations.Add(observation);
        }
        return observations;
    }

    private static TableEntity ToEntity(string partition, string submissionId, Observation o) => new(partition, $"{submissionId}~{o.Key}")
    {
        ["SubmissionId"] = submissionId,
        ["Indicator"] = o.Indicator,
        ["Dimensions"] = string.Join('|', o.Dimensions.Select(d => $"{d.Key}={d.Value}")),
        ["Number"] = o.Value.Number,
        ["Code"] = o.Value.Code,
        ["Note"] = o.Note,
        ["Flag"] = o.Flag,
    };

    private static Observation ToObservation(string country, int year, TableEntity e)
    {
        var dimensions = (e.GetString("Dimensions") ?? string.Empty)
            .Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => KeyValuePair.Create(parts[0], parts[1]))
            .ToList();
        var number = e.GetInt64("Number");
        var value = number is { } n ? ObservationValue.Of(n) : ObservationValue.Of(e.GetString("Code") ?? string.Empty);
        return new Observation(country, year, e.GetString("Indicator"), dimensions, value, e.GetString("Note"), e.GetString("Flag"));
    }
}

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
/// so a reader who reads the pointer and then that version's rows never sees a mix of two submissions.
/// </summary>
public sealed class TableObservationStore : IObservationStore
{
    private const string CurrentRowKey = "~current";
    private const int MaxBatchActions = 100;
    // Entity-group transactions take at most 4 MiB; notes can be long, so batches close early when large.
    private const int MaxBatchChars = 1_500_000;
    private readonly TableClient _table;

    /// <summary>Creates the store over the observations table.</summary>
    public TableObservationStore(TableServiceClient service) => _table = service.GetTableClient(StorageNames.ObservationsTable);

    /// <inheritdoc />
    public async Task WriteVersionAsync(string country, int year, string submissionId, IReadOnlyList<Observation> observations, CancellationToken cancellationToken)
    {
        var partition = RowKeys.StateYear(country, year);
        var batch = new List<TableTransactionAction>(MaxBatchActions);
        var batchChars = 0;
        foreach (var observation in observations)
        {
            var entity = ToEntity(partition, submissionId, observation);
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
    public async Task<Promotion> PromoteAsync(string country, int year, string submissionId, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var partition = RowKeys.StateYear(country, year);
        return await ConcurrencyRetry.Pipeline.ExecuteAsync(async token =>
        {
            var pointer = await _table.GetEntityIfExistsAsync<TableEntity>(partition, CurrentRowKey, cancellationToken: token);
            var next = new TableEntity(partition, CurrentRowKey)
            {
                ["SubmissionId"] = submissionId,
                ["ReceivedAt"] = receivedAt,
                ["AcceptedAt"] = DateTimeOffset.UtcNow,
            };
            if (!pointer.HasValue)
            {
                await _table.AddEntityAsync(next, token);
                return new Promotion(true, null);
            }
            var current = pointer.Value!;
            var currentId = current.GetString("SubmissionId");
            // A repeated promotion (a redelivered message) finds itself current and reports what it replaced then.
            if (currentId == submissionId) return new Promotion(true, current.GetString("Replaced"));
            // Submissions may finish out of order; the one received last is the state's latest word.
            if (IsLater(current.GetDateTimeOffset("ReceivedAt") ?? default, currentId, receivedAt, submissionId)) return new Promotion(false, null);
            next["Replaced"] = currentId;
            await _table.UpdateEntityAsync(next, current.ETag, TableUpdateMode.Replace, token);
            return new Promotion(true, currentId);
        }, cancellationToken);
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

    private static bool IsLater(DateTimeOffset currentReceivedAt, string currentId, DateTimeOffset receivedAt, string submissionId) =>
        currentReceivedAt > receivedAt || (currentReceivedAt == receivedAt && string.CompareOrdinal(currentId, submissionId) > 0);

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

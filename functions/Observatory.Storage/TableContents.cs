using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Observatory.Core.Backups;
using Observatory.Core.Ports;

namespace Observatory.Storage;

/// <summary>
/// Every table of the data account through the Table service client: listed, read entity by entity with each
/// property's stored type, and written back with upserts in entity-group transactions.
/// </summary>
public sealed class TableContents : ITableContents
{
    private const int TransactionSize = 100;
    private readonly TableServiceClient _service;

    /// <summary>Creates the adapter.</summary>
    public TableContents(TableServiceClient service) => _service = service;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var table in _service.QueryAsync(cancellationToken: cancellationToken))
            names.Add(table.Name);
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<TableRow> ReadAllAsync(string table, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in _service.GetTableClient(table).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            yield return ToRow(entity);
    }

    /// <inheritdoc />
    public async Task UpsertAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0) return;
        var client = _service.GetTableClient(table);
        await client.CreateIfNotExistsAsync(cancellationToken);
        await SubmitAsync(client, rows.Select(row => (row.PartitionKey,
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(row)))), cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string table, IReadOnlyList<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return;
        var client = _service.GetTableClient(table);
        // Entities that are already gone must not fail their transaction, so each delete stands alone.
        foreach (var (partitionKey, rowKey) in keys)
            await client.DeleteEntityAsync(partitionKey, rowKey, Azure.ETag.All, cancellationToken);
    }

    private static async Task SubmitAsync(TableClient client, IEnumerable<(string Partition, TableTransactionAction Action)> actions, CancellationToken cancellationToken)
    {
        foreach (var partition in actions.GroupBy(a => a.Partition, StringComparer.Ordinal))
            foreach (var chunk in partition.Select(a => a.Action).Chunk(TransactionSize))
                await client.SubmitTransactionAsync(chunk, cancellationToken);
    }

    private static TableRow ToRow(TableEntity entity)
    {
        var properties = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in entity)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") continue;
            properties[name] = value switch
            {
                BinaryData binary => binary.ToArray(),
                DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
                _ => value,
            };
        }
        return new TableRow(entity.PartitionKey, entity.RowKey, properties);
    }

    private static TableEntity ToEntity(TableRow row)
    {
        var entity = new TableEntity(row.PartitionKey, row.RowKey);
        foreach (var (name, value) in row.Properties)
            if (value is not null) entity[name] = value;
        return entity;
    }
}

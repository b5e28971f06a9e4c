using Azure.Data.Tables;
using Observatory.Core.Ports;
using Observatory.Core.Security;

namespace Observatory.Storage;

/// <summary>Focal-point keys in Table Storage, one partition, row key the key id; only the hash is stored.</summary>
public sealed class TableApiKeyStore : IApiKeyStore
{
    private const string Partition = "key";
    private readonly TableClient _table;

    /// <summary>Creates the store over the keys table.</summary>
    public TableApiKeyStore(TableServiceClient service) => _table = service.GetTableClient(StorageNames.ApiKeysTable);

    /// <inheritdoc />
    public Task CreateAsync(ApiKeyRecord record, CancellationToken cancellationToken) =>
        _table.AddEntityAsync(new TableEntity(Partition, record.KeyId)
        {
            ["Country"] = record.Country,
            ["Label"] = record.Label,
            ["Hash"] = record.Hash,
            ["CreatedAt"] = record.CreatedAt,
            ["RevokedAt"] = record.RevokedAt,
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, keyId, cancellationToken: cancellationToken);
        if (!response.HasValue) return null;
        return ToRecord(response.Value!);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string? country, CancellationToken cancellationToken)
    {
        var filter = country is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {Partition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Country eq {country}");
        var records = new List<ApiKeyRecord>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            records.Add(ToRecord(entity));
        return records;
    }

    private static ApiKeyRecord ToRecord(TableEntity e) =>
        new(e.RowKey, e.GetString("Country"), e.GetString("Label") ?? string.Empty, e.GetString("Hash"),
            e.GetDateTimeOffset("CreatedAt") ?? default, e.GetDateTimeOffset("RevokedAt"));

    /// <inheritdoc />
    public async Task<bool> RevokeAsync(string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken)
    {
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, keyId, cancellationToken: cancellationToken);
        if (!response.HasValue) return false;
        var entity = response.Value!;
        if (entity.GetDateTimeOffset("RevokedAt") is null)
        {
            entity["RevokedAt"] = revokedAt;
            await _table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        return true;
    }
}

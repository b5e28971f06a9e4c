using Azure;
using Azure.Data.Tables;
using Observatory.Core.Ports;

namespace Observatory.Storage;

/// <summary>State-year locks as rows of the "locks" table (partition "stateyear", row "MEX-2025").</summary>
public sealed class TableStateYearLocks : IStateYearLocks
{
    private const string Partition = "stateyear";
    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    public TableStateYearLocks(TableServiceClient tables) => _table = tables.GetTableClient(StorageNames.LocksTable);

    /// <inheritdoc />
    public async Task<StateYearLock?> FindAsync(string country, int year, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, RowKeys.StateYear(country, year), cancellationToken: cancellationToken);
        return row.HasValue ? ToLock(row.Value!) : null;
    }

    /// <inheritdoc />
    public Task LockAsync(StateYearLock stateYearLock, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(Partition, RowKeys.StateYear(stateYearLock.Country, stateYearLock.Year))
        {
            ["Country"] = stateYearLock.Country,
            ["Year"] = stateYearLock.Year,
            ["LockedAt"] = stateYearLock.LockedAt,
            ["LockedBy"] = stateYearLock.LockedBy,
            ["Reason"] = stateYearLock.Reason,
        }, TableUpdateMode.Replace, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> UnlockAsync(string country, int year, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(Partition, RowKeys.StateYear(country, year), ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<StateYearLock>> ListAsync(int? year, CancellationToken cancellationToken)
    {
        var filter = year is { } y ? $"PartitionKey eq '{Partition}' and Year eq {y}" : $"PartitionKey eq '{Partition}'";
        var locks = new List<StateYearLock>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) locks.Add(ToLock(row));
        return locks;
    }

    private static StateYearLock ToLock(TableEntity row) =>
        new(row.GetString("Country"), row.GetInt32("Year") ?? 0, row.GetDateTimeOffset("LockedAt") ?? default, row.GetString("LockedBy") ?? string.Empty, row.GetString("Reason"));
}

using Observatory.Core.Backups;

namespace Observatory.Core.Ports;

/// <summary>Every table of the data account, read and written entity by entity, for backups and restores.</summary>
public interface ITableContents
{
    /// <summary>The names of every table in the account, in name order.</summary>
    Task<IReadOnlyList<string>> ListTablesAsync(CancellationToken cancellationToken);

    /// <summary>Every entity of a table, partition by partition.</summary>
    IAsyncEnumerable<TableRow> ReadAllAsync(string table, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the rows as they are, replacing any entity with the same keys (creating the table when it is missing);
    /// rows of one partition go in transactions of up to 100.
    /// </summary>
    Task UpsertAsync(string table, IReadOnlyList<TableRow> rows, CancellationToken cancellationToken);

    /// <summary>Deletes the entities with these keys; keys that do not exist are ignored.</summary>
    Task DeleteAsync(string table, IReadOnlyList<(string PartitionKey, string RowKey)> keys, CancellationToken cancellationToken);
}

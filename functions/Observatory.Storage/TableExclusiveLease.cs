using Azure;
using Azure.Data.Tables;
using Observatory.Core.Ports;

namespace Observatory.Storage;

/// <summary>
/// Leases as rows of the "locks" table: taking one is creating its row (or taking over an expired one with an ETag
/// check), so two instances can never both hold it; giving it back deletes the row if it is still ours.
/// </summary>
public sealed class TableExclusiveLease : IExclusiveLease
{
    private const string Partition = "lease";
    private readonly TableClient _table;
    private readonly TimeProvider _clock;

    /// <summary>Creates the lease store.</summary>
    public TableExclusiveLease(TableServiceClient tables, TimeProvider clock)
    {
        _table = tables.GetTableClient(StorageNames.LocksTable);
        _clock = clock;
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        // The holder's token tells a row this call created (whose answer was lost and retried) from another holder's.
        var holder = Guid.NewGuid().ToString("N");
        var row = new TableEntity(Partition, name) { ["ExpiresAt"] = _clock.GetUtcNow() + duration, ["Holder"] = holder };
        try
        {
            var created = await _table.AddEntityAsync(row, cancellationToken);
            return new Held(_table, name, created.Headers.ETag ?? ETag.All);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, name, cancellationToken: cancellationToken);
            if (existing.HasValue && existing.Value!.GetString("Holder") == holder) return new Held(_table, name, existing.Value.ETag);
            if (existing.HasValue && existing.Value!.GetDateTimeOffset("ExpiresAt") > _clock.GetUtcNow()) return null;
            try
            {
                var taken = existing.HasValue
                    ? await _table.UpdateEntityAsync(row, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                    : await _table.AddEntityAsync(row, cancellationToken);
                return new Held(_table, name, taken.Headers.ETag ?? ETag.All);
            }
            catch (RequestFailedException lost) when (lost.Status is 409 or 412)
            {
                return null;
            }
        }
    }

    private sealed class Held(TableClient table, string name, ETag etag) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await table.DeleteEntityAsync(Partition, name, etag);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 412)
            {
                // Expired and taken over by another holder: it is theirs now.
            }
        }
    }
}

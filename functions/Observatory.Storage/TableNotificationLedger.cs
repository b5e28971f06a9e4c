using Azure.Data.Tables;
using Observatory.Core.Ports;

namespace Observatory.Storage;

/// <summary>
/// The notifications' ledger in the "notifications" table: one marker per mail sent, in the partition of its
/// notification id (row "sent~{recipient key}"). It holds no address. (The outbox of verdicts is beside the submission
/// records: <see cref="TableSubmissionStore"/>.)
/// </summary>
public sealed class TableNotificationLedger : INotificationLedger
{
    private const string SentPrefix = "sent~";
    private readonly TableClient _table;

    /// <summary>Creates the ledger.</summary>
    public TableNotificationLedger(TableServiceClient tables) => _table = tables.GetTableClient(StorageNames.NotificationsTable);

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> SentToAsync(string notificationId, CancellationToken cancellationToken)
    {
        var sent = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(RowKeys.Safe(notificationId), SentPrefix), select: ["RowKey"], cancellationToken: cancellationToken))
            sent.Add(row.RowKey[SentPrefix.Length..]);
        return sent;
    }

    /// <inheritdoc />
    public Task MarkSentAsync(string notificationId, string recipientKey, DateTimeOffset at, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(RowKeys.Safe(notificationId), SentPrefix + recipientKey) { ["SentAt"] = at }, TableUpdateMode.Replace, cancellationToken);
}

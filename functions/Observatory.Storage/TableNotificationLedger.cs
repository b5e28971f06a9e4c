using Azure;
using Azure.Data.Tables;
using Observatory.Core.Notifications;
using Observatory.Core.Ports;

namespace Observatory.Storage;

/// <summary>
/// The notifications' ledger in the "notifications" table: the outbox in partition "outbox" (row the notification id,
/// with the message), and one marker per mail sent in the partition of its notification id (row "sent~{recipient key}").
/// Neither holds an address.
/// </summary>
public sealed class TableNotificationLedger : INotificationLedger
{
    private const string Outbox = "outbox";
    private const string SentPrefix = "sent~";
    private readonly TableClient _table;

    /// <summary>Creates the ledger.</summary>
    public TableNotificationLedger(TableServiceClient tables) => _table = tables.GetTableClient(StorageNames.NotificationsTable);

    /// <inheritdoc />
    public Task AddPendingAsync(NotificationMessage message, DateTimeOffset at, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(Outbox, Key(message.Id)) { ["Message"] = message.Serialize(), ["At"] = at }, TableUpdateMode.Replace, cancellationToken);

    /// <inheritdoc />
    public async Task RemovePendingAsync(string notificationId, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(Outbox, Key(notificationId), ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<NotificationMessage>> ListPendingAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        var pending = new List<NotificationMessage>();
        await foreach (var row in _table.QueryAsync<TableEntity>($"PartitionKey eq '{Outbox}'", cancellationToken: cancellationToken))
            if (row.GetDateTimeOffset("At") is { } at && at < before && row.GetString("Message") is { } text)
                pending.Add(NotificationMessage.Parse(text));
        return pending;
    }

    /// <inheritdoc />
    public async Task<IReadOnlySet<string>> SentToAsync(string notificationId, CancellationToken cancellationToken)
    {
        var sent = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in _table.QueryAsync<TableEntity>(RowKeys.PrefixFilter(Key(notificationId), SentPrefix), select: ["RowKey"], cancellationToken: cancellationToken))
            sent.Add(row.RowKey[SentPrefix.Length..]);
        return sent;
    }

    /// <inheritdoc />
    public Task MarkSentAsync(string notificationId, string recipientKey, DateTimeOffset at, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(new TableEntity(Key(notificationId), SentPrefix + recipientKey) { ["SentAt"] = at }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>A notification id as a table key: the characters keys may not hold (/ \ # ?) replaced.</summary>
    private static string Key(string id) => id.Replace('/', '_').Replace('\\', '_').Replace('#', '_').Replace('?', '_');
}

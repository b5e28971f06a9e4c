using Azure;
using Azure.Data.Tables;
using Observatory.Core.Languages;
using Observatory.Core.Notifications;
using Observatory.Core.Ports;

namespace Observatory.Storage;

/// <summary>
/// The contacts as rows of the "contacts" table: partition the state (MEX), row the contact id. The table is private
/// like every other; only staff routes and the notification sender read it.
/// </summary>
public sealed class TableContactStore : IContactStore
{
    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    public TableContactStore(TableServiceClient tables) => _table = tables.GetTableClient(StorageNames.ContactsTable);

    /// <inheritdoc />
    public Task AddAsync(Contact contact, CancellationToken cancellationToken) =>
        _table.AddEntityAsync(new TableEntity(contact.Country, contact.Id)
        {
            ["Email"] = contact.Email,
            ["Language"] = contact.Language.ToCode(),
            ["Role"] = contact.Role.ToApiName(),
            ["AddedAt"] = contact.AddedAt,
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<Contact>> ListAsync(string? country, CancellationToken cancellationToken)
    {
        var filter = country is null ? null : $"PartitionKey eq '{RowKeys.Escape(country)}'";
        var contacts = new List<Contact>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) contacts.Add(ToContact(row));
        return contacts;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        // The id alone names a contact; its state is found by the row key (a small table).
        await foreach (var row in _table.QueryAsync<TableEntity>($"RowKey eq '{RowKeys.Escape(id)}'", select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                return false;
            }
        }
        return false;
    }

    private static Contact ToContact(TableEntity row) => new(
        row.RowKey,
        row.PartitionKey,
        row.GetString("Email") ?? string.Empty,
        LanguageCodes.TryParse(row.GetString("Language"), out var language) ? language : Language.En,
        ContactRoles.TryParse(row.GetString("Role"), out var role) ? role : ContactRole.FocalPoint,
        row.GetDateTimeOffset("AddedAt") ?? default);
}

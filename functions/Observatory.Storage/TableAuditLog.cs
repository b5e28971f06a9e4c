using Azure;
using Azure.Data.Tables;
using Observatory.Core.Audit;
using Observatory.Core.Ports;

namespace Observatory.Storage;

/// <summary>
/// The audit log in the "audit" table: one partition (staff actions and uploads are a few thousand a year), row key
/// the entry's id (time counted down, then a random part), so entries read newest first and a key is never written twice. Entries are
/// only ever added (an add fails if the row exists); nothing in the pipeline updates or deletes them.
/// </summary>
public sealed class TableAuditLog : IAuditLog
{
    private const string Partition = "log";
    private readonly TableClient _table;

    /// <summary>Creates the log over the audit table.</summary>
    public TableAuditLog(TableServiceClient service) => _table = service.GetTableClient(StorageNames.AuditTable);

    /// <inheritdoc />
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken) =>
        await _table.AddEntityAsync(new TableEntity(Partition, entry.Id)
        {
            ["At"] = entry.At,
            ["Action"] = entry.Action,
            ["Actor"] = entry.Actor,
            ["Country"] = entry.Country,
            ["Year"] = entry.Year,
            ["Subject"] = entry.Subject,
            ["Detail"] = entry.Detail,
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var filters = new List<string>();
        if (query.From is { } from) filters.Add($"At ge datetime'{from.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}'");
        if (query.To is { } to) filters.Add($"At lt datetime'{to.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}'");
        if (query.Country is { } country) filters.Add($"Country eq '{RowKeys.Escape(country)}'");
        if (query.Action is { } action) filters.Add($"Action eq '{RowKeys.Escape(action)}'");
        var filter = filters.Count == 0 ? null : string.Join(" and ", filters);

        var partitionFilter = $"PartitionKey eq '{Partition}'" + (filter is null ? "" : $" and {filter}");
        try
        {
            await foreach (var page in _table.QueryAsync<TableEntity>(partitionFilter, maxPerPage: query.PageSize, cancellationToken: cancellationToken)
                .AsPages(Decode(query.ContinuationToken), query.PageSize))
                return new AuditPage([.. page.Values.Select(ToEntry)], Encode(page.ContinuationToken));
        }
        catch (RequestFailedException ex) when (ex.Status == 400 && query.ContinuationToken is not null)
        {
            throw new ArgumentException("The continuation token is not one this API gave.", ex);
        }
        return new AuditPage([], null);
    }

    // The SDK's token ("partition row") travels base64url-encoded, so it is opaque and URL-safe.
    private static string? Encode(string? token) => token is null ? null : Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(token)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
            if (decoded.Split(' ') is not [{ Length: > 0 }, { Length: > 0 }]) throw new FormatException();
            return decoded;
        }
        catch (FormatException ex)
        {
            throw new ArgumentException("The continuation token is not one this API gave.", ex);
        }
    }

    private static AuditEntry ToEntry(TableEntity e) => new(e.RowKey, e.GetDateTimeOffset("At") ?? default, e.GetString("Action"), e.GetString("Actor"),
        e.GetString("Country"), e.GetInt32("Year"), e.GetString("Subject"), e.GetString("Detail"));
}

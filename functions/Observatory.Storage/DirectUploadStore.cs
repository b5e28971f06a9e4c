using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;

namespace Observatory.Storage;

/// <summary>
/// Direct uploads: blobs in the private "uploads" container, written through SAS URLs scoped to one blob with create
/// and write permission only; tickets as rows "~upload~{id}" in the submissions table, in the partition of their state
/// and year, and the claim of each (the blob version it was taken in for) as "~uploadclaim~{id}" beside it. With a managed identity the URL is a user-delegation SAS (no account key exists); on Azurite, whose
/// client holds the well-known development key, a service SAS.
/// </summary>
public sealed class DirectUploadStore : IDirectUploadStore
{
    private const string TicketPrefix = "~upload~";
    private const string ClaimPrefix = "~uploadclaim~";
    private readonly BlobServiceClient _service;
    private readonly BlobContainerClient _container;
    private readonly TableClient _table;
    private readonly TimeProvider _clock;

    /// <summary>Creates the store.</summary>
    public DirectUploadStore(BlobServiceClient blobs, TableServiceClient tables, TimeProvider clock)
    {
        _service = blobs;
        _container = blobs.GetBlobContainerClient(StorageNames.UploadsContainer);
        _table = tables.GetTableClient(StorageNames.SubmissionsTable);
        _clock = clock;
    }

    /// <inheritdoc />
    public async Task<Uri> CreateUploadUrlAsync(string blobName, DateTimeOffset expiresOn, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(blobName);
        var sas = new BlobSasBuilder
        {
            BlobContainerName = _container.Name,
            BlobName = blobName,
            Resource = "b",
            // A few minutes' grace for clocks that run behind the service's.
            StartsOn = _clock.GetUtcNow().AddMinutes(-5),
            ExpiresOn = expiresOn,
            Protocol = blob.Uri.Scheme == Uri.UriSchemeHttps ? SasProtocol.Https : SasProtocol.HttpsAndHttp,
        };
        sas.SetPermissions(BlobSasPermissions.Create | BlobSasPermissions.Write);
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(sas);

        var key = await _service.GetUserDelegationKeyAsync(sas.StartsOn, expiresOn, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, _service.AccountName) }.ToUri();
    }

    /// <inheritdoc />
    public Task SaveTicketAsync(UploadTicket ticket, CancellationToken cancellationToken) =>
        _table.AddEntityAsync(ToEntity(ticket), cancellationToken);

    /// <inheritdoc />
    public async Task<UploadTicket?> FindTicketAsync(string uploadId, CancellationToken cancellationToken)
    {
        var parts = uploadId.Split('-');
        if (parts.Length != 3 || parts[0].Length != 3 || !int.TryParse(parts[1], out var year)) return null;
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(RowKeys.StateYear(parts[0], year), TicketPrefix + uploadId, cancellationToken: cancellationToken);
        return row.HasValue ? ToTicket(row.Value!) : null;
    }

    /// <inheritdoc />
    public Task UpdateTicketAsync(UploadTicket ticket, CancellationToken cancellationToken) =>
        _table.UpsertEntityAsync(ToEntity(ticket), TableUpdateMode.Replace, cancellationToken);

    /// <inheritdoc />
    public async Task<(byte[] Content, string? ContentType, string Version)?> ReadAsync(string blobName, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var blob = _container.GetBlobClient(blobName);
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            if (properties.ContentLength > maxBytes)
                throw new InvalidDataException($"The upload {blobName} is {properties.ContentLength} bytes, more than the {maxBytes} a direct upload may have.");
            // The version whose size was checked, or nothing: a PUT landing in between fails this read (412), and
            // the event is delivered again.
            var content = await blob.DownloadContentAsync(new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = properties.ETag } }, cancellationToken);
            return (content.Value.Content.ToArray(), properties.ContentType, properties.ETag.ToString());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<string> ClaimAsync(UploadTicket ticket, string version, CancellationToken cancellationToken)
    {
        // A row of its own, created once: Table Storage refuses a second insert of the same key (409), which makes
        // the claim atomic without reading the ticket's ETag first.
        var claim = new TableEntity(RowKeys.StateYear(ticket.Country, ticket.Year), ClaimPrefix + ticket.UploadId)
        {
            ["Version"] = version,
            ["ClaimedAt"] = _clock.GetUtcNow(),
        };
        try
        {
            await _table.AddEntityAsync(claim, cancellationToken);
            return version;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await _table.GetEntityAsync<TableEntity>(claim.PartitionKey, claim.RowKey, cancellationToken: cancellationToken);
            return existing.Value.GetString("Version");
        }
    }

    /// <inheritdoc />
    public Task DeleteAsync(string blobName, CancellationToken cancellationToken) =>
        _container.GetBlobClient(blobName).DeleteIfExistsAsync(cancellationToken: cancellationToken);

    private static TableEntity ToEntity(UploadTicket t) => new(RowKeys.StateYear(t.Country, t.Year), TicketPrefix + t.UploadId)
    {
        ["Country"] = t.Country,
        ["Year"] = t.Year,
        ["BlobName"] = t.BlobName,
        ["Language"] = t.Language,
        ["Mode"] = t.Mode,
        ["RequestedBy"] = t.RequestedBy,
        ["CreatedAt"] = t.CreatedAt,
        ["ExpiresAt"] = t.ExpiresAt,
        ["SubmissionId"] = t.SubmissionId,
        ["Refusal"] = t.Refusal,
    };

    private static UploadTicket ToTicket(TableEntity e) => new(
        e.RowKey[TicketPrefix.Length..], e.GetString("Country"), e.GetInt32("Year") ?? 0, e.GetString("BlobName"), e.GetString("Language"),
        e.GetString("Mode"), e.GetString("RequestedBy"), e.GetDateTimeOffset("CreatedAt") ?? default, e.GetDateTimeOffset("ExpiresAt") ?? default,
        e.GetString("SubmissionId"), e.GetString("Refusal"));
}

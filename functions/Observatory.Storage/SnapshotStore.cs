using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Observatory.Core.Ports;
using Observatory.Core.Snapshots;

namespace Observatory.Storage;

/// <summary>
/// Snapshot files as create-only blobs "{year}/{version}/{file}" in the "snapshots" container, and the catalog of
/// versions in the "snapshots" table (partition: the year; row: the version, holding its manifest; row "~latest":
/// the newest version). The container is immutable in Azure, so nothing there is ever updated: the mutable
/// pointers live in the table.
/// </summary>
public sealed class SnapshotStore : ISnapshotStore
{
    private const string LatestRowKey = "~latest";
    private readonly BlobContainerClient _container;
    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    public SnapshotStore(BlobServiceClient blobs, TableServiceClient tables)
    {
        _container = blobs.GetBlobContainerClient(StorageNames.SnapshotsContainer);
        _table = tables.GetTableClient(StorageNames.SnapshotsTable);
    }

    /// <inheritdoc />
    public ISnapshotOutput CreateOutput(int year, string version) => new BlobSnapshotOutput(_container, $"{year}/{version}/");

    /// <inheritdoc />
    public async Task PublishAsync(SnapshotManifest manifest, CancellationToken cancellationToken)
    {
        var partition = manifest.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            await _table.AddEntityAsync(new TableEntity(partition, manifest.Version)
            {
                ["Manifest"] = JsonSerializer.Serialize(manifest, JsonSerializerOptions.Web),
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // The row exists: this compile wrote it and the answer was lost (the SDK retried). A version's name belongs
            // to one compile only (the year's lease, and names whose files exist are skipped), so it is this manifest.
        }

        await ConcurrencyRetry.Pipeline.ExecuteAsync(async token =>
        {
            var latest = await _table.GetEntityIfExistsAsync<TableEntity>(partition, LatestRowKey, cancellationToken: token);
            var next = new TableEntity(partition, LatestRowKey) { ["Version"] = manifest.Version };
            if (!latest.HasValue) await _table.AddEntityAsync(next, token);
            else if (string.CompareOrdinal(latest.Value!.GetString("Version"), manifest.Version) < 0)
                await _table.UpdateEntityAsync(next, latest.Value.ETag, TableUpdateMode.Replace, token);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PublishedSnapshot>> ListAsync(CancellationToken cancellationToken)
    {
        var manifests = new List<SnapshotManifest>();
        var latest = new Dictionary<int, string>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            if (entity.RowKey == LatestRowKey) latest[int.Parse(entity.PartitionKey, System.Globalization.CultureInfo.InvariantCulture)] = entity.GetString("Version");
            else manifests.Add(ToManifest(entity));
        }
        return manifests
            .OrderByDescending(m => m.Year).ThenByDescending(m => m.Version, StringComparer.Ordinal)
            .Select(m => new PublishedSnapshot(m, latest.GetValueOrDefault(m.Year) == m.Version))
            .ToList();
    }

    /// <inheritdoc />
    public async Task<PublishedSnapshot?> FindAsync(int year, string version, CancellationToken cancellationToken)
    {
        var partition = year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var latest = await _table.GetEntityIfExistsAsync<TableEntity>(partition, LatestRowKey, cancellationToken: cancellationToken);
        var latestVersion = latest.HasValue ? latest.Value!.GetString("Version") : null;
        var wanted = version == SnapshotVersion.Latest ? latestVersion : version;
        if (wanted is null || !SnapshotVersion.IsValid(wanted)) return null;
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(partition, wanted, cancellationToken: cancellationToken);
        return entity.HasValue ? new PublishedSnapshot(ToManifest(entity.Value!), wanted == latestVersion) : null;
    }

    /// <inheritdoc />
    public async Task<bool> HasFilesAsync(int year, string version, CancellationToken cancellationToken)
    {
        await foreach (var _ in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{year}/{version}/", cancellationToken)) return true;
        return false;
    }

    /// <inheritdoc />
    public async Task<SnapshotFileContent?> OpenFileAsync(int year, string version, string fileName, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient($"{year}/{version}/{fileName}");
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            // Reading the version seen by GetProperties keeps one download consistent, and the stream is seekable for ranges.
            var content = await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
            return new SnapshotFileContent(content, properties.ContentLength, properties.ContentType, properties.ETag.ToString("H"), properties.LastModified);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static SnapshotManifest ToManifest(TableEntity entity) =>
        JsonSerializer.Deserialize<SnapshotManifest>(entity.GetString("Manifest"), JsonSerializerOptions.Web)
        ?? throw new InvalidDataException($"The manifest of snapshot {entity.PartitionKey}/{entity.RowKey} is empty.");

    /// <summary>Each file a block blob created once: the commit fails if the blob exists.</summary>
    private sealed class BlobSnapshotOutput(BlobContainerClient container, string prefix) : ISnapshotOutput
    {
        public Task<Stream> CreateAsync(string fileName, string contentType, CancellationToken cancellationToken) =>
            container.GetBlockBlobClient(prefix + fileName).OpenWriteAsync(overwrite: true, new BlockBlobOpenWriteOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
                OpenConditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
            }, cancellationToken);
    }
}

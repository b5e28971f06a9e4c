using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
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
    public ISnapshotOutput CreateOutput(int year, string version) => new CreateOnlyBlobOutput(_container, $"{year}/{version}/");

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
            // The time series keeps its catalog in the same table under a partition that is not a year.
            if (entity.PartitionKey == SeriesStore.Partition) continue;
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
    public Task<SnapshotFileContent?> OpenFileAsync(int year, string version, string fileName, CancellationToken cancellationToken) =>
        CreateOnlyBlobOutput.OpenAsync(_container.GetBlobClient($"{year}/{version}/{fileName}"), cancellationToken);

    private static SnapshotManifest ToManifest(TableEntity entity) =>
        JsonSerializer.Deserialize<SnapshotManifest>(entity.GetString("Manifest"), JsonSerializerOptions.Web)
        ?? throw new InvalidDataException($"The manifest of snapshot {entity.PartitionKey}/{entity.RowKey} is empty.");
}

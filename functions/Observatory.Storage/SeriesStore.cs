using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Observatory.Core.Ports;
using Observatory.Core.Snapshots;
using Observatory.Core.Snapshots.Series;

namespace Observatory.Storage;

/// <summary>
/// The time series as create-only blobs "series/{version}/{file}" in the snapshots container (beside the years'
/// folders, which are numbers), and its catalog in the partition "series" of the snapshots table (row: the version,
/// holding its manifest; row "~latest": the newest). Nothing in the container is ever updated.
/// </summary>
public sealed class SeriesStore : ISeriesStore
{
    /// <summary>The table partition and blob folder of the series; never a year, so the annual catalog keeps apart.</summary>
    public const string Partition = "series";
    private const string LatestRowKey = "~latest";
    private readonly BlobContainerClient _container;
    private readonly TableClient _table;

    /// <summary>Creates the store.</summary>
    public SeriesStore(BlobServiceClient blobs, TableServiceClient tables)
    {
        _container = blobs.GetBlobContainerClient(StorageNames.SnapshotsContainer);
        _table = tables.GetTableClient(StorageNames.SnapshotsTable);
    }

    /// <inheritdoc />
    public ISnapshotOutput CreateOutput(string version) => new CreateOnlyBlobOutput(_container, $"{Partition}/{version}/");

    /// <inheritdoc />
    public async Task PublishAsync(SeriesManifest manifest, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(Partition, manifest.Version)
            {
                ["Manifest"] = JsonSerializer.Serialize(manifest, JsonSerializerOptions.Web),
            }, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // This compile wrote the row and the answer was lost: a version's name belongs to one compile (the series' lease).
        }

        await ConcurrencyRetry.Pipeline.ExecuteAsync(async token =>
        {
            var latest = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, LatestRowKey, cancellationToken: token);
            var next = new TableEntity(Partition, LatestRowKey) { ["Version"] = manifest.Version };
            if (!latest.HasValue) await _table.AddEntityAsync(next, token);
            else if (string.CompareOrdinal(latest.Value!.GetString("Version"), manifest.Version) < 0)
                await _table.UpdateEntityAsync(next, latest.Value.ETag, TableUpdateMode.Replace, token);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PublishedSeries>> ListAsync(CancellationToken cancellationToken)
    {
        var manifests = new List<SeriesManifest>();
        string? latest = null;
        await foreach (var entity in _table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken))
        {
            if (entity.RowKey == LatestRowKey) latest = entity.GetString("Version");
            else manifests.Add(ToManifest(entity));
        }
        return manifests.OrderByDescending(m => m.Version, StringComparer.Ordinal).Select(m => new PublishedSeries(m, m.Version == latest)).ToList();
    }

    /// <inheritdoc />
    public async Task<PublishedSeries?> FindAsync(string version, CancellationToken cancellationToken)
    {
        var latest = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, LatestRowKey, cancellationToken: cancellationToken);
        var latestVersion = latest.HasValue ? latest.Value!.GetString("Version") : null;
        var wanted = version == SnapshotVersion.Latest ? latestVersion : version;
        if (wanted is null || !SnapshotVersion.IsValid(wanted)) return null;
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, wanted, cancellationToken: cancellationToken);
        return entity.HasValue ? new PublishedSeries(ToManifest(entity.Value!), wanted == latestVersion) : null;
    }

    /// <inheritdoc />
    public async Task<bool> HasFilesAsync(string version, CancellationToken cancellationToken)
    {
        await foreach (var _ in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, $"{Partition}/{version}/", cancellationToken)) return true;
        return false;
    }

    /// <inheritdoc />
    public Task<SnapshotFileContent?> OpenFileAsync(string version, string fileName, CancellationToken cancellationToken) =>
        CreateOnlyBlobOutput.OpenAsync(_container.GetBlobClient($"{Partition}/{version}/{fileName}"), cancellationToken);

    private static SeriesManifest ToManifest(TableEntity entity) =>
        JsonSerializer.Deserialize<SeriesManifest>(entity.GetString("Manifest"), JsonSerializerOptions.Web)
        ?? throw new InvalidDataException($"The manifest of series version {entity.RowKey} is empty.");
}

using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Observatory.Storage;

/// <summary>
/// Creates storage clients from a connection setting the way Azure Functions resolves a trigger's
/// <c>Connection</c>: either a connection string under the setting's name (Azurite, "UseDevelopmentStorage=true"),
/// or an identity-based connection under its section (<c>Storage__blobServiceUri</c>, <c>Storage__queueServiceUri</c>,
/// <c>Storage__tableServiceUri</c> or <c>Storage__accountName</c>, with <c>Storage__credential=managedidentity</c> and
/// <c>Storage__clientId</c> for a user-assigned identity). So the same code runs on Azurite and, with a managed
/// identity, in Azure without any key.
/// </summary>
public sealed class StorageConnection
{
    private readonly string? _connectionString;
    private readonly Uri? _blobUri;
    private readonly Uri? _queueUri;
    private readonly Uri? _tableUri;
    private readonly TokenCredential? _credential;

    private StorageConnection(string? connectionString, Uri? blobUri, Uri? queueUri, Uri? tableUri, TokenCredential? credential)
    {
        _connectionString = connectionString;
        _blobUri = blobUri;
        _queueUri = queueUri;
        _tableUri = tableUri;
        _credential = credential;
    }

    /// <summary>The name of the connection setting the pipeline's triggers and clients use.</summary>
    public const string DefaultName = "Storage";

    /// <summary>Reads the connection named <paramref name="name"/> from <paramref name="configuration"/>.</summary>
    /// <exception cref="InvalidOperationException">Neither a connection string nor service URIs are configured.</exception>
    public static StorageConnection FromConfiguration(IConfiguration configuration, string name = DefaultName)
    {
        var connectionString = configuration[name] ?? configuration.GetConnectionString(name);
        if (!string.IsNullOrWhiteSpace(connectionString))
            return new StorageConnection(connectionString, null, null, null, null);

        var section = configuration.GetSection(name);
        var accountName = section["accountName"];
        Uri? ServiceUri(string key, string service) =>
            section[key] is { Length: > 0 } uri ? new Uri(uri)
            : accountName is { Length: > 0 } ? new Uri($"https://{accountName}.{service}.core.windows.net")
            : null;

        var blobUri = ServiceUri("blobServiceUri", "blob");
        var queueUri = ServiceUri("queueServiceUri", "queue");
        var tableUri = ServiceUri("tableServiceUri", "table");
        if (blobUri is null && queueUri is null && tableUri is null)
            throw new InvalidOperationException(
                $"The storage connection '{name}' is not configured: set '{name}' to a connection string, or " +
                $"'{name}__blobServiceUri', '{name}__queueServiceUri' and '{name}__tableServiceUri' for an identity-based connection.");

        TokenCredential credential = string.Equals(section["credential"], "managedidentity", StringComparison.OrdinalIgnoreCase)
            ? new ManagedIdentityCredential(section["clientId"] is { Length: > 0 } clientId
                ? ManagedIdentityId.FromUserAssignedClientId(clientId)
                : ManagedIdentityId.SystemAssigned)
            : new DefaultAzureCredential();
        return new StorageConnection(null, blobUri, queueUri, tableUri, credential);
    }

    /// <summary>Creates a connection from a connection string.</summary>
    public static StorageConnection FromConnectionString(string connectionString) => new(connectionString, null, null, null, null);

    /// <summary>A Blob service client for this connection.</summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null) =>
        _connectionString is not null ? new BlobServiceClient(_connectionString, options)
        : new BlobServiceClient(Required(_blobUri, "blobServiceUri"), _credential, options);

    /// <summary>A Queue service client for this connection.</summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? options = null) =>
        _connectionString is not null ? new QueueServiceClient(_connectionString, options)
        : new QueueServiceClient(Required(_queueUri, "queueServiceUri"), _credential, options);

    /// <summary>A Table service client for this connection.</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null) =>
        _connectionString is not null ? new TableServiceClient(_connectionString, options)
        : new TableServiceClient(Required(_tableUri, "tableServiceUri"), _credential, options);

    private static Uri Required(Uri? uri, string key) =>
        uri ?? throw new InvalidOperationException($"The identity-based storage connection has no '{key}'.");
}

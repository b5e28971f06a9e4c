using Microsoft.Extensions.Configuration;
using Observatory.Storage;

namespace Observatory.Integration.Tests;

/// <summary>The same connection setting serves Azurite (a connection string) and Azure (a managed identity, no key).</summary>
public sealed class StorageConnectionTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void An_identity_based_connection_reaches_each_service_by_its_uri_without_a_key()
    {
        var connection = StorageConnection.FromConfiguration(Settings(
            ("Storage:blobServiceUri", "https://stobsdata.blob.core.windows.net"),
            ("Storage:queueServiceUri", "https://stobsdata.queue.core.windows.net"),
            ("Storage:tableServiceUri", "https://stobsdata.table.core.windows.net"),
            ("Storage:credential", "managedidentity"),
            ("Storage:clientId", "00000000-0000-0000-0000-000000000001")));

        var blobs = connection.CreateBlobServiceClient();
        Assert.Equal("https://stobsdata.blob.core.windows.net/", blobs.Uri.ToString());
        Assert.False(blobs.CanGenerateAccountSasUri);   // no account key: SAS only by user delegation
        Assert.Equal("https://stobsdata.queue.core.windows.net/", connection.CreateQueueServiceClient().Uri.ToString());
        Assert.Equal("https://stobsdata.table.core.windows.net/", connection.CreateTableServiceClient().Uri.ToString());
    }

    [Fact]
    public void An_account_name_alone_gives_the_public_endpoints()
    {
        var connection = StorageConnection.FromConfiguration(Settings(("Storage:accountName", "stobsdata"), ("Storage:credential", "managedidentity")));
        Assert.Equal("https://stobsdata.table.core.windows.net/", connection.CreateTableServiceClient().Uri.ToString());
    }

    [Fact]
    public void A_connection_string_is_used_as_it_is_and_a_missing_connection_is_a_clear_error()
    {
        var azurite = StorageConnection.FromConfiguration(Settings(("Storage", "UseDevelopmentStorage=true")));
        Assert.Equal("http://127.0.0.1:10000/devstoreaccount1", azurite.CreateBlobServiceClient().Uri.ToString().TrimEnd('/'));

        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Settings()));
        Assert.Contains("Storage__blobServiceUri", error.Message);
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Benchmarks.Measurement;
using Observatory.Core.ReferenceData;
using Observatory.Functions;
using Observatory.Storage;

namespace Observatory.Benchmarks.Data;

/// <summary>
/// The Function App's own services (<see cref="ServiceRegistration.AddObservatory"/>) over Azurite, with two changes:
/// the widened reference data, and storage clients whose requests are counted.
/// </summary>
public static class BenchmarkServices
{
    /// <summary>The admin key of benchmark runs (a local Azurite, never a real deployment).</summary>
    public static readonly string AdminKey = "benchmark-admin-" + Guid.NewGuid().ToString("N");

    /// <summary>The settings the services read.</summary>
    public static Dictionary<string, string?> Settings(string connectionString) => new()
    {
        [StorageConnection.DefaultName] = connectionString,
        ["Observatory:AdminKey"] = AdminKey,
    };

    /// <summary>Replaces the reference data and the storage clients registered by <see cref="ServiceRegistration.AddObservatory"/>.</summary>
    public static IServiceCollection AddBenchmarkOverrides(this IServiceCollection services, string connectionString, StorageRequests requests)
    {
        // The last registration of a service is the one resolved.
        var connection = StorageConnection.FromConnectionString(connectionString);
        services.AddSingleton<ReferenceDataSet>(BenchmarkReferenceData.Instance);
        services.AddSingleton(_ => connection.CreateTableServiceClient(StorageClientOptions.Tables(requests.Tables)));
        services.AddSingleton(_ => connection.CreateBlobServiceClient(StorageClientOptions.Blobs(requests.Blobs)));
        services.AddSingleton(_ => connection.CreateQueueServiceClient(StorageClientOptions.Queues(requests.Queues)));
        services.AddSingleton(requests);
        return services;
    }

    /// <summary>The services with their storage provisioned, for benchmarks that call the use cases directly.</summary>
    public static async Task<ServiceProvider> CreateAsync(string connectionString, StorageRequests requests)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(connectionString)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddObservatory(configuration);
        services.AddBenchmarkOverrides(connectionString, requests);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        return provider;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Observatory.Benchmarks.Data;
using Observatory.Benchmarks.Measurement;
using Observatory.LocalHost;

namespace Observatory.Benchmarks.Suites;

/// <summary>The local host the suites that go through HTTP run against: the one its program builds, with the benchmark's settings.</summary>
internal static class BenchmarkLocalHost
{
    /// <summary>
    /// The local host as its program builds it, on a free port, with the benchmark's reference data and storage clients
    /// whose requests <paramref name="requests"/> counts; its state (schedule status, leases) in <paramref name="stateDirectory"/>.
    /// </summary>
    public static WebApplication Build(BenchmarkSettings settings, StorageRequests requests, string stateDirectory)
    {
        var standard = ObservatoryFunctionApp.CreateOptions();
        var connection = settings.StorageConnectionString;
        var options = standard with
        {
            StateDirectory = stateDirectory,
            ConfigureBuilder = builder =>
            {
                var values = BenchmarkServices.Settings(connection);
                values["AzureWebJobsStorage"] = connection;
                builder.Configuration.AddInMemoryCollection(values);
                builder.Logging.ClearProviders();
            },
            ConfigureServices = (services, configuration) =>
            {
                standard.ConfigureServices!(services, configuration);
                services.AddBenchmarkOverrides(connection, requests);
            },
        };
        return LocalFunctionsHost.Build(["--urls", "http://127.0.0.1:0"], options);
    }
}

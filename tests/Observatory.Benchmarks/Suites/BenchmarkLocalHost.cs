using System.Net;
using System.Text;
using System.Text.Json;
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

    /// <summary>Issues a focal point's key for <paramref name="country"/> through the staff route; returns the key.</summary>
    public static async Task<string> IssueKeyAsync(HttpClient client, string country)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/keys")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { country, label = "benchmark" }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Api-Key", BenchmarkServices.AdminKey);
        using var response = await client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidDataException($"Issuing a key for {country} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("key").GetString()!;
    }
}

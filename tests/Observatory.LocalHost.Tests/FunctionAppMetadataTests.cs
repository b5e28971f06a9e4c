using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observatory.LocalHost.Configuration;
using Observatory.LocalHost.Discovery;
using Observatory.LocalHost.Queues;
using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.LocalHost.Timers;

namespace Observatory.LocalHost.Tests;

/// <summary>
/// The local host serves exactly what the Function App's functions.metadata declares, the file the Functions host reads
/// in Azure: read here on its own, as JSON, and compared with the endpoints, queue listeners and timers of the host.
/// </summary>
public sealed class FunctionAppMetadataTests : IAsyncLifetime
{
    private readonly string _stateDirectory = Directory.CreateTempSubdirectory("localhost-app-").FullName;
    private WebApplication _app = null!;

    public Task InitializeAsync()
    {
        var options = ObservatoryFunctionApp.CreateOptions() with
        {
            FunctionsMetadataPath = FunctionAppBuild.MetadataPath,
            StateDirectory = _stateDirectory,
            ConfigureBuilder = builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage"] = TestStorage.ConnectionString,
                    ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
                });
                builder.Logging.ClearProviders();
            },
        };
        _app = LocalFunctionsHost.Build(["--urls", "http://127.0.0.1:0"], options);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        Directory.Delete(_stateDirectory, recursive: true);
    }

    private static JsonArray Declared => JsonNode.Parse(File.ReadAllText(FunctionAppBuild.MetadataPath))!.AsArray();

    private static IEnumerable<(string Name, JsonNode Trigger)> DeclaredTriggers(string type) =>
        Declared.Select(function => (Name: (string)function!["name"]!,
                Trigger: function["bindings"]!.AsArray().Single(binding => ((string)binding!["type"]!).EndsWith("Trigger", StringComparison.Ordinal))!))
            .Where(pair => (string)pair.Trigger["type"]! == type);

    [Fact]
    public void Every_HTTP_function_is_served_on_its_route_and_methods_and_no_other_endpoint_is()
    {
        var prefix = _app.Services.GetRequiredService<HostJsonSettings>().RoutePrefix;
        var declared = DeclaredTriggers("httpTrigger")
            .Select(pair => Endpoint(
                $"{prefix}/{((string?)pair.Trigger["route"] ?? pair.Name).Trim('/')}",
                pair.Trigger["methods"]?.AsArray().Select(method => ((string)method!).ToUpperInvariant())))
            .Order(StringComparer.Ordinal)
            .ToArray();

        var served = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(source => source.Endpoints).Cast<RouteEndpoint>()
            .Select(endpoint => Endpoint(endpoint.RoutePattern.RawText!, endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(31, declared.Length);
        Assert.Equal(declared, served);
    }

    [Fact]
    public void Every_queue_function_listens_on_its_queue_through_its_connection_and_nothing_else_listens()
    {
        var declared = DeclaredTriggers("queueTrigger")
            .Select(pair => $"{pair.Name}: {Resolve((string)pair.Trigger["queueName"]!).ToLowerInvariant()} via {(string?)pair.Trigger["connection"] ?? "AzureWebJobsStorage"}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        var served = _app.Services.GetRequiredService<FunctionCatalog>().QueueFunctions
            .Select(function => $"{function.Name}: {function.QueueName} via {function.ConnectionName}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.NotEmpty(declared);
        Assert.Equal(declared, served);
        Assert.Equal(declared.Length, _app.Services.GetServices<IHostedService>().OfType<QueueTriggerListener>().Count());
    }

    [Fact]
    public void Every_timer_function_fires_on_its_schedule_and_no_other_timer_does()
    {
        var declared = DeclaredTriggers("timerTrigger")
            .Select(pair => $"{pair.Name}: {Resolve((string)pair.Trigger["schedule"]!)}, on startup {(bool?)pair.Trigger["runOnStartup"] ?? false}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        var served = _app.Services.GetRequiredService<FunctionCatalog>().TimerFunctions
            .Select(function => $"{function.Name}: {function.ScheduleExpression}, on startup {function.RunOnStartup}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.NotEmpty(declared);
        Assert.Equal(declared, served);
        Assert.Equal(declared.Length, _app.Services.GetServices<IHostedService>().OfType<TimerTriggerScheduler>().Count());
    }

    [Fact]
    public void Every_function_runs_the_method_its_entry_point_names()
    {
        var declared = Declared.Select(function => $"{function!["name"]} -> {function["entryPoint"]}").Order(StringComparer.Ordinal);

        var served = _app.Services.GetRequiredService<FunctionCatalog>().Functions
            .Select(function => $"{function.Name} -> {function.FunctionType.FullName}.{function.Method.Name}")
            .Order(StringComparer.Ordinal);

        Assert.Equal(declared, served);
    }

    private static string Endpoint(string route, IEnumerable<string>? methods) =>
        $"[{(methods is null ? "*" : string.Join(",", methods.Order(StringComparer.Ordinal)))}] {route}";

    // %name% from the host's configuration, as the Functions host resolves app settings in binding expressions.
    private string Resolve(string expression) =>
        Regex.Replace(expression, "%([^%]+)%", match => _app.Configuration[match.Groups[1].Value.Replace("__", ":", StringComparison.Ordinal)]
            ?? throw new InvalidOperationException($"{match.Value} is not configured."));
}

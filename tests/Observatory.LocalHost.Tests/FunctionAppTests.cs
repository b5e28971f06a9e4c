using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Azure.Functions.Worker.Middleware;
using Observatory.Functions;
using Observatory.Functions.Middleware;
using Observatory.LocalHost.Discovery;
using Observatory.LocalHost.Invocation;
using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.Tests.Shared;

namespace Observatory.LocalHost.Tests;

/// <summary>
/// The real Function App, served as the local host's own program serves it, from the functions.metadata its build wrote,
/// on an Azurite of its own: once started, its queue listeners would take other tests' messages from a shared one.
/// </summary>
public sealed class FunctionAppTests(OwnAzurite azurite) : IClassFixture<OwnAzurite>
{
    [Fact]
    public async Task Every_function_of_the_Function_App_is_discovered_without_errors_and_the_host_starts()
    {
        var logs = new CapturedLogs();
        var stateDirectory = Directory.CreateTempSubdirectory("localhost-app-").FullName;
        var options = ObservatoryFunctionApp.CreateOptions() with
        {
            // This test project's own functions.metadata (the samples') shadows the Function App's in this folder.
            FunctionsMetadataPath = FunctionAppBuild.MetadataPath,
            StateDirectory = stateDirectory,
            ConfigureBuilder = builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage"] = azurite.ConnectionString,
                    ["AzureWebJobsStorage"] = azurite.ConnectionString,
                });
                builder.Logging.ClearProviders();
                builder.Logging.AddProvider(logs);
            },
        };
        // Found independently of the catalog: every method the Functions worker would index.
        var declared = typeof(ServiceRegistration).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(method => method.GetCustomAttributesData())
            .Where(attribute => attribute.AttributeType.FullName == "Microsoft.Azure.Functions.Worker.FunctionAttribute")
            .Select(attribute => (string)attribute.ConstructorArguments[0].Value!)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToArray();

        var app = LocalFunctionsHost.Build(["--urls", "http://127.0.0.1:0"], options);
        try
        {
            var catalog = app.Services.GetRequiredService<FunctionCatalog>();
            Assert.NotEmpty(declared);
            Assert.Equal(declared, catalog.Functions.Select(function => function.Name));

            await app.StartAsync();
            var listing = Assert.Single(logs.Entries, entry => entry.Message.StartsWith("Functions:", StringComparison.Ordinal)).Message;
            Assert.All(declared, name => Assert.Contains($"\t{name}: ", listing));
            // The notifications: their queue, and the timers on the schedules local.settings.json gives.
            Assert.Contains("\tSendNotification: queueTrigger (queue 'notifications', connection 'Storage')", listing);
            Assert.Contains("\tQueueReminders: timerTrigger (schedule '0 0 8 * * *')", listing);
            Assert.Contains("\tQueueDailySummary: timerTrigger (schedule '0 0 7 * * *')", listing);
            Assert.Contains("\tSweepNotificationOutbox: timerTrigger (schedule '0 */5 * * * *')", listing);
            Assert.DoesNotContain(logs.Entries, entry => entry.Level >= LogLevel.Error);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(stateDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task An_admin_key_that_is_set_but_too_short_stops_the_host_at_start_with_a_message_that_names_the_setting()
    {
        const string shortKey = "short-admin-key";
        var stateDirectory = Directory.CreateTempSubdirectory("localhost-app-").FullName;
        var options = ObservatoryFunctionApp.CreateOptions() with
        {
            // This test project's own functions.metadata (the samples') shadows the Function App's in this folder.
            FunctionsMetadataPath = FunctionAppBuild.MetadataPath,
            StateDirectory = stateDirectory,
            ConfigureBuilder = builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage"] = azurite.ConnectionString,
                    ["AzureWebJobsStorage"] = azurite.ConnectionString,
                    ["Observatory:AdminKey"] = shortKey,
                });
                builder.Logging.ClearProviders();
            },
        };
        var app = LocalFunctionsHost.Build(["--urls", "http://127.0.0.1:0"], options);
        try
        {
            var refused = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());
            Assert.Contains("Observatory__AdminKey", refused.Message, StringComparison.Ordinal);
            Assert.Contains("24 characters", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(shortKey, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
            Directory.Delete(stateDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task The_host_runs_exactly_the_composition_roots_middleware_and_it_answers_for_the_functions()
    {
        var stateDirectory = Directory.CreateTempSubdirectory("localhost-app-").FullName;
        var options = ObservatoryFunctionApp.CreateOptions() with
        {
            FunctionsMetadataPath = FunctionAppBuild.MetadataPath,
            StateDirectory = stateDirectory,
            ConfigureBuilder = builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage"] = azurite.ConnectionString,
                    ["AzureWebJobsStorage"] = azurite.ConnectionString,
                });
                builder.Logging.ClearProviders();
            },
        };
        // What the composition root adds, on a builder of its own.
        var composed = new LocalWorkerApplicationBuilder(new ServiceCollection());
        CompositionRoot.Configure(composed, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = azurite.ConnectionString,
        }).Build());
        var app = LocalFunctionsHost.Build(["--urls", "http://127.0.0.1:0"], options);
        try
        {
            await app.StartAsync();
            var pipeline = app.Services.GetRequiredService<FunctionMiddlewarePipeline>();
            Assert.Equal(2, composed.Middleware.Count);
            Assert.Equal(composed.Middleware.Count, pipeline.Middleware.Count);
            Assert.Equal(
                [typeof(ExceptionMiddleware), typeof(CallerAuthenticationMiddleware)],
                composed.Services.Where(d => typeof(IFunctionsWorkerMiddleware).IsAssignableFrom(d.ServiceType)).Select(d => d.ServiceType));

            using var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
            using var me = await client.GetAsync("/api/me");
            using var catalog = await client.GetAsync("/api/catalog");

            // /api/me no longer checks keys itself: the 401 comes from the middleware.
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, me.StatusCode);
            Assert.Equal("application/problem+json", me.Content.Headers.ContentType?.MediaType);
            Assert.Contains("A valid key is required", await me.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.OK, catalog.StatusCode);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(stateDirectory, recursive: true);
        }
    }
}

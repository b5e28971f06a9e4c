using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observatory.LocalHost.Configuration;
using Observatory.LocalHost.Discovery;
using Observatory.LocalHost.Http;
using Observatory.LocalHost.Invocation;
using Observatory.LocalHost.Queues;
using Observatory.LocalHost.Timers;

namespace Observatory.LocalHost;

/// <summary>
/// Builds the local host: an ASP.NET Core application that serves a Function App's HTTP functions on their routes,
/// listens to its queues and fires its timers, as its functions.metadata declares them and host.json sets them.
/// </summary>
public static class LocalFunctionsHost
{
    // The Functions host accepts request bodies of up to 100 MB; Kestrel's own default is lower.
    private const long MaxRequestBodyBytes = 100L * 1024 * 1024;

    /// <summary>
    /// Builds the host. Settings come, each overriding the one before, from local.settings.json ("Values", as Core
    /// Tools puts them in the environment), from environment variables and from the command line; the host listens on
    /// <see cref="LocalHostOptions.DefaultUrl"/> unless "Host.LocalHttpPort", ASPNETCORE_URLS or --urls says otherwise.
    /// </summary>
    /// <param name="args">The command line.</param>
    /// <param name="options">What to serve and where the files are.</param>
    /// <exception cref="LocalHostStartupException">
    /// A function breaks the conventions, a setting it needs is missing, or host.json or local.settings.json is invalid.
    /// </exception>
    public static WebApplication Build(string[] args, LocalHostOptions options)
    {
        var appDirectory = AppContext.BaseDirectory;
        var functionsDirectory = Path.GetDirectoryName(options.FunctionsAssembly.Location) is { Length: > 0 } directory ? directory : appDirectory;
        var hostJson = HostJsonSettings.Load(options.HostJsonPath ?? FindFile("host.json", appDirectory, functionsDirectory)
            ?? throw new LocalHostStartupException([$"host.json was found neither in '{appDirectory}' nor in '{functionsDirectory}'."]));
        var localSettingsPath = options.LocalSettingsPath ?? FindFile("local.settings.json", appDirectory, functionsDirectory);
        var localSettings = localSettingsPath is null ? null : LocalSettingsFile.Load(localSettingsPath);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = appDirectory,
            // Core Tools runs a Function App in the Development environment unless told otherwise.
            EnvironmentName = Environment.GetEnvironmentVariable("AZURE_FUNCTIONS_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environments.Development,
        });
        AddConfigurationSources(builder.Configuration, args, localSettings);
        AddLogFilters(builder.Logging, hostJson);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        options.ConfigureBuilder?.Invoke(builder);
        var worker = new LocalWorkerApplicationBuilder(builder.Services);
        options.ConfigureWorker?.Invoke(worker, builder.Configuration);
        builder.Services.AddSingleton(worker.BuildPipeline());
        options.ConfigureServices?.Invoke(builder.Services, builder.Configuration);

        var catalog = FunctionCatalog.Discover(options.FunctionsMetadataPath ?? FunctionsMetadataFile.BesideAssembly(options.FunctionsAssembly.Location),
            options.FunctionsAssembly, builder.Configuration, hostJson.RoutePrefix, options.IncludeType);
        var timeZone = TimerTimeZone.Resolve(builder.Configuration);
        AddHostServices(builder.Services, catalog, hostJson, timeZone, options, appDirectory);

        var app = builder.Build();
        catalog.CheckActivation(app.Services.GetRequiredService<IServiceProviderIsService>());
        app.MapHttpFunctions(catalog.HttpFunctions, hostJson.RoutePrefix);
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Host.LocalHost")
            .LogInformation("{Functions}", FunctionListing.Describe(catalog, hostJson.RoutePrefix, app.Urls.FirstOrDefault() ?? LocalHostOptions.DefaultUrl)));
        return app;
    }

    private static string? FindFile(string name, params string[] directories) =>
        directories.Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);

    private static void AddConfigurationSources(ConfigurationManager configuration, string[] args, LocalSettingsFile? localSettings)
    {
        configuration.Sources.Clear();
        var url = localSettings?.LocalHttpPort is { } port ? $"http://127.0.0.1:{port}" : LocalHostOptions.DefaultUrl;
        configuration.AddInMemoryCollection([new KeyValuePair<string, string?>(WebHostDefaults.ServerUrlsKey, url)]);
        if (localSettings is not null)
            configuration.AddInMemoryCollection(localSettings.Settings);
        // ASPNETCORE_URLS (and the other ASPNETCORE_ settings) as ASP.NET Core reads them, then every variable as is.
        configuration.AddEnvironmentVariables("ASPNETCORE_");
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
    }

    private static void AddLogFilters(ILoggingBuilder logging, HostJsonSettings hostJson)
    {
        // One line per request from ASP.NET Core would drown the functions' own log, as the Functions host keeps it out.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        foreach (var (category, level) in hostJson.LogLevels)
        {
            if (category.Equals("default", StringComparison.OrdinalIgnoreCase))
                logging.SetMinimumLevel(level);
            else
                logging.AddFilter(category, level);
        }
    }

    private static void AddHostServices(IServiceCollection services, FunctionCatalog catalog, HostJsonSettings hostJson, TimeZoneInfo timeZone,
        LocalHostOptions options, string appDirectory)
    {
        // The clock of the timers, the queue polling and the message leases: the system's unless a test put its own.
        services.TryAddSingleton(TimeProvider.System);
        // The MVC result executors, formatters and problem details factory the ASP.NET Core integration uses.
        services.AddMvcCore();
        services.AddSingleton(hostJson);
        services.AddSingleton(catalog);
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton(new TimerScheduleMonitor(options.StateDirectory ?? Path.Combine(appDirectory, ".localhost", "timers")));

        // Registered one by one rather than with AddHostedService, which keeps only one service per class.
        foreach (var function in catalog.QueueFunctions)
        {
            services.AddSingleton<IHostedService>(provider => new QueueTriggerListener(function, hostJson.Queues, options.QueueMessageLease,
                provider.GetRequiredService<FunctionInvoker>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>()));
        }
        foreach (var function in catalog.TimerFunctions)
        {
            services.AddSingleton<IHostedService>(provider => new TimerTriggerScheduler(function, timeZone, provider.GetRequiredService<FunctionInvoker>(),
                provider.GetRequiredService<TimerScheduleMonitor>(), provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILoggerFactory>()));
        }
    }
}

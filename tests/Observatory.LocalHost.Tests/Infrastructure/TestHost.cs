using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Observatory.LocalHost.Tests.Infrastructure;

/// <summary>
/// The local host serving a few sample functions of this assembly on a free loopback port, with its own host.json,
/// local.settings.json and state folder in a temporary directory, its log captured, and a fake clock that the test
/// moves (timers, queue polling and message leases all wait on it).
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    /// <summary>A host.json that polls often and retries quickly, so queue tests finish in seconds.</summary>
    public const string FastQueuesHostJson = """
        {
          "version": "2.0",
          "extensions": {
            "queues": { "maxPollingInterval": "00:00:00.500", "visibilityTimeout": "00:00:00", "batchSize": 4, "maxDequeueCount": 3 }
          }
        }
        """;

    /// <summary>Where the host's clock starts unless a test says otherwise.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 1, 15, 10, 0, 0, TimeSpan.Zero);

    /// <summary>How long a test waits for the host by the machine's clock before it fails.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _directory;

    private TestHost(WebApplication app, string directory, InvocationRecorder recorder, CapturedLogs logs, TestClock clock)
    {
        App = app;
        _directory = directory;
        Recorder = recorder;
        Logs = logs;
        Clock = clock;
    }

    /// <summary>The host's clock.</summary>
    public TestClock Clock { get; }

    public WebApplication App { get; }

    public InvocationRecorder Recorder { get; }

    public CapturedLogs Logs { get; }

    /// <summary>The gate sample functions wait at.</summary>
    public TestGate Gate => App.Services.GetRequiredService<TestGate>();

    /// <summary>Where monitored timers keep their status in this host.</summary>
    public string StateDirectory => Path.Combine(_directory, "state");

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Builds the host without starting it.</summary>
    /// <param name="functionTypes">The sample classes to serve.</param>
    /// <param name="hostJson">The content of host.json.</param>
    /// <param name="values">The "Values" of local.settings.json, besides the storage connections.</param>
    /// <param name="args">More command-line arguments.</param>
    /// <param name="adjust">Changes the options, e.g. the queue message lease.</param>
    /// <param name="start">Where the host's clock starts; <see cref="DefaultStart"/> by default.</param>
    public static TestHost Build(Type[] functionTypes, string hostJson = FastQueuesHostJson, IDictionary<string, string>? values = null,
        string[]? args = null, Func<LocalHostOptions, LocalHostOptions>? adjust = null, DateTimeOffset? start = null)
    {
        var directory = Directory.CreateTempSubdirectory("localhost-test-").FullName;
        File.WriteAllText(Path.Combine(directory, "host.json"), hostJson);
        var settings = new Dictionary<string, string>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["AzureWebJobsStorage"] = TestStorage.ConnectionString,
            ["Storage"] = TestStorage.ConnectionString,
        };
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
            settings[key] = value;
        File.WriteAllText(Path.Combine(directory, "local.settings.json"), JsonSerializer.Serialize(new { IsEncrypted = false, Values = settings }));

        var clock = new TestClock(start ?? DefaultStart);
        var recorder = new InvocationRecorder(clock);
        var logs = new CapturedLogs();
        var options = new LocalHostOptions
        {
            FunctionsAssembly = typeof(TestHost).Assembly,
            IncludeType = functionTypes.Contains,
            HostJsonPath = Path.Combine(directory, "host.json"),
            LocalSettingsPath = Path.Combine(directory, "local.settings.json"),
            StateDirectory = Path.Combine(directory, "state"),
            ConfigureBuilder = builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.AddProvider(logs);
                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.Services.AddSingleton(recorder);
                builder.Services.AddScoped<ScopedProbe>();
                builder.Services.AddSingleton<TestGate>();
            },
        };
        var app = LocalFunctionsHost.Build(["--urls", "http://127.0.0.1:0", .. args ?? []], adjust?.Invoke(options) ?? options);
        return new TestHost(app, directory, recorder, logs, clock);
    }

    /// <summary>Builds and starts the host.</summary>
    public static async Task<TestHost> StartAsync(Type[] functionTypes, string hostJson = FastQueuesHostJson, IDictionary<string, string>? values = null,
        string[]? args = null, Func<LocalHostOptions, LocalHostOptions>? adjust = null, DateTimeOffset? start = null)
    {
        var host = Build(functionTypes, hostJson, values, args, adjust, start);
        await host.StartAsync();
        return host;
    }

    public async Task StartAsync()
    {
        await App.StartAsync();
        BaseAddress = new Uri(App.Urls.First());
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>
    /// Waits until <paramref name="function"/> has run <paramref name="count"/> times, moving the host's clock to each
    /// of its wake-ups meanwhile, so that its queues are polled at once rather than after their back-off.
    /// </summary>
    public async Task<IReadOnlyList<RecordedInvocation>> RunUntilAsync(string function, int count)
    {
        await Eventually.TrueAsync(() => Task.FromResult(Recorder.For(function).Count >= count), Timeout,
            $"{function} runs {count} time(s)", Clock, Recorder);
        return Recorder.For(function);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, moving the host's clock to each of its wake-ups meanwhile.</summary>
    public Task RunUntilAsync(Func<Task<bool>> condition, string what) => Eventually.TrueAsync(condition, Timeout, what, Clock, Recorder);

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
            await App.StopAsync(timeout.Token);
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind harms nothing.
        }
    }
}

/// <summary>A scoped service, to show that each invocation gets a scope of its own.</summary>
public sealed class ScopedProbe
{
    public Guid Id { get; } = Guid.NewGuid();
}

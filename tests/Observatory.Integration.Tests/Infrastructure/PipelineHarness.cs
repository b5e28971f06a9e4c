using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Functions;
using Observatory.Functions.Admin;
using Observatory.Functions.Submissions;
using Observatory.LocalHost.Invocation;
using Observatory.Storage;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>
/// The Function App over Azurite, configured by its own composition root: HTTP functions are called with a
/// DefaultHttpContext through the app's worker middleware (authentication, problem details) on the local host's
/// FunctionContext, and their IActionResult is executed by ASP.NET Core's own executors; queue functions are called
/// directly with the message text the host would pass.
/// </summary>
public sealed class PipelineHarness : IAsyncLifetime
{
    private readonly string? _connectionString;

    /// <summary>A pipeline over the Azurite the tests share (the collection's fixture).</summary>
    public PipelineHarness() { }

    private PipelineHarness(string connectionString) => _connectionString = connectionString;

    /// <summary>
    /// A pipeline over another storage account, such as an Azurite of a test's own; with <paramref name="faults"/>, its
    /// storage clients carry that fault injector (see <see cref="Faults"/>).
    /// </summary>
    public static PipelineHarness Over(string connectionString, StorageFaults? faults = null) => new(connectionString) { Faults = faults };

    /// <summary>The admin key configured for this run.</summary>
    public string AdminKey { get; } = "test-admin-" + Guid.NewGuid().ToString("N");

    /// <summary>Settings besides the storage connection and the admin key (e.g. "Observatory:StaleSubmissionMinutes").</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Changes to the services after the Function App's registration (e.g. storage clients with a fault injector).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
    /// <summary>
    /// When set before <see cref="InitializeAsync"/>, the storage clients carry this fault injector (the SDK's retries
    /// kept, their delays cut to milliseconds), and the services read <see cref="Clock"/>.
    /// </summary>
    public StorageFaults? Faults { get; init; }

    /// <summary>With <see cref="Faults"/>: the clock the services read, which a test can move forward.</summary>
    public ShiftableClock Clock { get; } = new();

    /// <summary>The services, as the Function App registers them.</summary>
    public IServiceProvider Services { get; private set; } = null!;

    /// <summary>The worker middleware the composition root added, around each HTTP function.</summary>
    public FunctionMiddlewarePipeline Middleware { get; private set; } = null!;

    /// <summary>The submissions queue, read as the host reads it (base64).</summary>
    public QueueClient SubmissionsQueue { get; private set; } = null!;

    /// <summary>The poison queue of submissions.</summary>
    public QueueClient PoisonQueue { get; private set; } = null!;

    /// <summary>The tables.</summary>
    public TableServiceClient Tables => Services.GetRequiredService<TableServiceClient>();

    /// <summary>The blobs.</summary>
    public BlobServiceClient Blobs => Services.GetRequiredService<BlobServiceClient>();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (_connectionString is null) TestStorage.EnsureReachable();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage"] = _connectionString ?? TestStorage.ConnectionString,
            ["Observatory:AdminKey"] = AdminKey,
        }).AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMvcCore();
        var worker = new LocalWorkerApplicationBuilder(services);
        CompositionRoot.Configure(worker, configuration);
        ConfigureServices?.Invoke(services);
        if (Faults is { } faults)
        {
            faults.AddTo(services, _connectionString ?? TestStorage.ConnectionString);
            services.AddSingleton<TimeProvider>(Clock);
        }
        Services = services.BuildServiceProvider();
        Middleware = worker.BuildPipeline();
        await Services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
        var queues = Services.GetRequiredService<QueueServiceClient>();
        SubmissionsQueue = queues.GetQueueClient(StorageNames.SubmissionsQueue);
        PoisonQueue = queues.GetQueueClient(StorageNames.SubmissionsPoisonQueue);
        await SubmissionsQueue.ClearMessagesAsync();
        await PoisonQueue.ClearMessagesAsync();
    }

    /// <inheritdoc />
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A function class, created as the worker creates it.</summary>
    /// <exception cref="InvalidOperationException">Inside <see cref="InvokeAsync"/>, a class other than the one the request is routed to.</exception>
    public T Function<T>() where T : class
    {
        if (RoutedClass.Value is { } routed && routed != typeof(T))
            throw new InvalidOperationException($"The request is routed to {routed.Name}, but the test calls {typeof(T).Name}.");
        return ActivatorUtilities.CreateInstance<T>(Services);
    }

    /// <summary>A request as the HTTP trigger would receive it.</summary>
    public HttpRequest Request(string method, string path, string? query = null, string? key = null, byte[]? body = null, string? contentType = null)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("127.0.0.1", 7071);
        context.Request.Path = path;
        if (query is not null) context.Request.QueryString = new QueryString(query.StartsWith('?') ? query : "?" + query);
        if (key is not null) context.Request.Headers["X-Api-Key"] = key;
        if (body is not null)
        {
            context.Request.Body = new MemoryStream(body);
            context.Request.ContentLength = body.Length;
        }
        if (contentType is not null) context.Request.ContentType = contentType;
        context.Response.Body = new MemoryStream();
        return context.Request;
    }

    /// <summary>
    /// Runs an HTTP function through the app's middleware, as the function its method and path are routed to, and
    /// executes its result (unless a middleware answered first).
    /// </summary>
    /// <exception cref="Exception">What the middleware lets through: an exception after the client hung up.</exception>
    public async Task<ApiResponse> InvokeAsync(HttpRequest request, Func<HttpRequest, Task<IActionResult>> function)
    {
        var (name, method, routeValues) = HttpFunctionRoutes.Find(request);
        var http = request.HttpContext;
        http.Request.RouteValues = routeValues;
        await using var scope = Services.CreateAsyncScope();
        var context = new LocalFunctionContext(Guid.NewGuid().ToString(), LocalFunctionDefinition.For(name, method), scope.ServiceProvider,
            routeValues, CancellationToken.None, async () =>
            {
                RoutedClass.Value = method.DeclaringType;
                return await function(request);
            });
        context.Items[LocalFunctionContext.HttpContextKey] = http;
        await Middleware.InvokeAsync(context);
        if (context.InvocationResult is IActionResult result)
            await result.ExecuteResultAsync(new ActionContext(http, new RouteData(routeValues), new ActionDescriptor()));
        return new ApiResponse(http.Response.StatusCode, http.Response.Headers, ((MemoryStream)http.Response.Body).ToArray());
    }

    // The class of the function being invoked, so a test that calls another class fails rather than passing untested.
    private static readonly AsyncLocal<Type?> RoutedClass = new();

    /// <summary>Issues a focal-point key through the admin function.</summary>
    public async Task<(string KeyId, string Key)> IssueKeyAsync(string country)
    {
        var body = System.Text.Encoding.UTF8.GetBytes($$"""{"country":"{{country}}","label":"test focal point"}""");
        var response = await InvokeAsync(Request("POST", "/api/admin/keys", key: AdminKey, body: body, contentType: "application/json"),
            r => Function<IssueApiKey>().Run(r, CancellationToken.None));
        Assert.Equal(201, response.Status);
        return (response.Json.GetProperty("keyId").GetString()!, response.Json.GetProperty("key").GetString()!);
    }

    /// <summary>Uploads a file as a focal point would.</summary>
    public Task<ApiResponse> UploadAsync(string key, string query, byte[] file, string contentType) =>
        InvokeAsync(Request("POST", "/api/submissions", query, key, file, contentType), r => Function<UploadSubmission>().Run(r, CancellationToken.None));

    /// <summary>Checks a file without submitting it (a dry run), as a focal point would.</summary>
    public Task<ApiResponse> ValidateAsync(string key, string query, byte[] file, string contentType) =>
        InvokeAsync(Request("POST", "/api/validations", query, key, file, contentType), r => Function<Observatory.Functions.Validations.ValidateReturn>().Run(r, CancellationToken.None));

    /// <summary>Reads a submission.</summary>
    public Task<ApiResponse> GetSubmissionAsync(string key, string id, string? query = null) =>
        InvokeAsync(Request("GET", $"/api/submissions/{id}", query, key), r => Function<GetSubmission>().Run(r, id, CancellationToken.None));

    /// <summary>
    /// Takes the next message from the submissions queue and runs the queue function on it, as the host would;
    /// deletes the message when the function succeeds. Returns the message text, or null when the queue is empty.
    /// </summary>
    public async Task<string?> ProcessNextMessageAsync()
    {
        var message = (await SubmissionsQueue.ReceiveMessageAsync(TimeSpan.FromMinutes(1))).Value;
        if (message is null) return null;
        await Function<ProcessSubmission>().Run(message.MessageText, CancellationToken.None);
        await SubmissionsQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        return message.MessageText;
    }

    /// <summary>Processes queued messages until the queue is empty.</summary>
    public async Task ProcessAllAsync()
    {
        while (await ProcessNextMessageAsync() is not null) { }
    }
}

/// <summary>The integration tests share one pipeline and run one at a time: they share its queue.</summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineHarness>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "pipeline";
}

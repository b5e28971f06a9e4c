using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Storage;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>The storage service a request goes to.</summary>
public enum StorageService
{
    /// <summary>Blob Storage.</summary>
    Blob,
    /// <summary>Queue Storage.</summary>
    Queue,
    /// <summary>Table Storage.</summary>
    Table,
}

/// <summary>How an injected fault shows itself to the client.</summary>
public enum FaultMode
{
    /// <summary>Storage cannot be reached: the request fails with a transport error and never reaches storage.</summary>
    Unreachable,
    /// <summary>The request reaches storage, but its answer never arrives in time: storage may have done it, the caller cannot know.</summary>
    Timeout,
}

/// <summary>
/// Which requests a fault hits and how: from the <paramref name="Nth"/> request (1-based) of a kind on, until
/// <see cref="StorageFaults.Heal"/>, as an outage that starts at one storage step and lasts until recovery. A kind is a
/// service, optionally an HTTP method and a piece of the path (a table, a container, a queue, "$batch"); null is any.
/// </summary>
/// <param name="Service">The service; null for any.</param>
/// <param name="Method">GET, PUT, POST, DELETE, MERGE, HEAD or PATCH; null for any.</param>
/// <param name="PathContains">A piece of the request's path; null for any.</param>
/// <param name="Nth">The first matching request the fault hits.</param>
/// <param name="Mode">Unreachable, or a time-out after storage got the request.</param>
/// <param name="ThenEverything">After the Nth request, fail every request (the whole account is down) rather than
/// only those of the kind (one operation is down, the rest answers).</param>
public sealed record StorageFault(StorageService? Service, string? Method, string? PathContains, int Nth = 1, FaultMode Mode = FaultMode.Unreachable, bool ThenEverything = false)
{
    /// <summary>Every request, from the <paramref name="nth"/> one on: storage goes down at that step.</summary>
    public static StorageFault AtStep(int nth, FaultMode mode = FaultMode.Unreachable) => new(null, null, null, nth, mode);

    /// <summary>True when a request to <paramref name="service"/> with <paramref name="method"/> and <paramref name="path"/> is of this fault's kind.</summary>
    public bool Matches(StorageService service, string method, string path) =>
        (Service is null || service == Service)
        && (Method is null || string.Equals(method, Method, StringComparison.OrdinalIgnoreCase))
        && (PathContains is null || path.Contains(PathContains, StringComparison.Ordinal));
}

/// <summary>
/// The storage fault injector of every fault test: one Azure SDK <see cref="HttpPipelinePolicy"/> added (per retry, so
/// the SDK's own retries meet the fault too) to the table, blob and queue clients the Function App's services resolve,
/// so every adapter meets the fault exactly as it would meet a real outage. <see cref="Arm"/> sets a fault,
/// <see cref="Heal"/> ends the outage. Every request is logged as "Service METHOD path", so a test can count the
/// storage steps of an operation and fail each in turn.
/// </summary>
public sealed class StorageFaults : HttpPipelinePolicy
{
    private readonly Lock _gate = new();
    private readonly List<string> _seen = [];
    private StorageFault? _fault;
    private int _matched;
    private bool _failing;
    private readonly List<RequestGate> _holds = [];
    private int _blobPort = -1, _queuePort = -1, _tablePort = -1;

    /// <summary>The requests seen since <see cref="ResetLog"/>, in order, as "Service METHOD path".</summary>
    public IReadOnlyList<string> Seen
    {
        get { lock (_gate) return [.. _seen]; }
    }

    /// <summary>How many requests the armed fault failed.</summary>
    public int Failed { get; private set; }

    /// <summary>True when the armed fault hit at least one request.</summary>
    public bool Fired => Failed > 0;

    /// <summary>Forgets the requests seen so far.</summary>
    public void ResetLog()
    {
        lock (_gate) _seen.Clear();
    }

    /// <summary>Sets the fault; its count of matching requests starts from zero.</summary>
    public void Arm(StorageFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
        {
            _fault = fault;
            _matched = 0;
            _failing = false;
            Failed = 0;
        }
    }

    /// <summary>Storage answers again.</summary>
    public void Heal()
    {
        lock (_gate)
        {
            _fault = null;
            _failing = false;
        }
    }

    /// <summary>
    /// Holds the <paramref name="nth"/> request of <paramref name="kind"/> once storage has answered it, until the
    /// returned gate is released: the caller has done that step and waits before its next one, so a test can let
    /// another caller overlap it at exactly that point. Other requests go through.
    /// </summary>
    public RequestGate HoldAfter(StorageFault kind, int nth = 1)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var gate = new RequestGate(kind, nth);
        lock (_gate) _holds.Add(gate);
        return gate;
    }

    /// <summary>How many logged requests are of <paramref name="fault"/>'s kind (its Nth ignored).</summary>
    public int Count(StorageFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_gate)
            return _seen.Select(line => line.Split(' ', 3)).Count(p => fault.Matches(Enum.Parse<StorageService>(p[0]), p[1], p[2]));
    }

    /// <summary>
    /// Replaces the storage clients in <paramref name="services"/> (the last registration wins) with clients of
    /// <paramref name="connectionString"/> whose options carry this policy, the SDK's retries kept but their delays cut
    /// to milliseconds, so a test sees the retries meet the outage without waiting for the back-off.
    /// </summary>
    public void AddTo(IServiceCollection services, string connectionString)
    {
        foreach (var part in connectionString.Split(';'))
        {
            var kv = part.Split('=', 2);
            if (kv.Length != 2 || !Uri.TryCreate(kv[1], UriKind.Absolute, out var endpoint)) continue;
            if (kv[0] == "BlobEndpoint") _blobPort = endpoint.Port;
            if (kv[0] == "QueueEndpoint") _queuePort = endpoint.Port;
            if (kv[0] == "TableEndpoint") _tablePort = endpoint.Port;
        }
        var tables = StorageClientOptions.Tables(this);
        var blobs = StorageClientOptions.Blobs(this);
        var queues = StorageClientOptions.Queues(this);
        foreach (var retry in new[] { tables.Retry, blobs.Retry, queues.Retry })
        {
            retry.Delay = TimeSpan.FromMilliseconds(1);
            retry.MaxDelay = TimeSpan.FromMilliseconds(5);
            retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        }
        var connection = StorageConnection.FromConnectionString(connectionString);
        services.AddSingleton(_ => connection.CreateTableServiceClient(tables));
        services.AddSingleton(_ => connection.CreateBlobServiceClient(blobs));
        services.AddSingleton(_ => connection.CreateQueueServiceClient(queues));
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var (service, line) = Describe(message.Request);
        switch (Decide(service, message.Request, line))
        {
            case FaultMode.Unreachable:
                throw new RequestFailedException(0, $"Storage is unreachable (injected fault: {line}).", new HttpRequestException("Connection refused (injected)."));
            case FaultMode.Timeout:
                // The request reaches storage; the answer is lost on the way back.
                await ProcessNextAsync(message, pipeline);
                throw new TaskCanceledException($"The operation was cancelled because it exceeded the configured timeout (injected fault: {line}).", new TimeoutException());
            default:
                await ProcessNextAsync(message, pipeline);
                break;
        }
        RequestGate? hold;
        lock (_gate)
            hold = _holds.FirstOrDefault(g => g.Kind.Matches(service, message.Request.Method.Method, Uri.UnescapeDataString(message.Request.Uri.Path)) && g.Count());
        if (hold is not null)
            await hold.WaitAsync();
    }

    /// <summary>A request's service (by the endpoint's port on Azurite, by the host name on Azure) and its log line.</summary>
    private (StorageService Service, string Line) Describe(Request request)
    {
        var uri = request.Uri.ToUri();
        var host = uri.Host;
        var service = uri.Port == _blobPort || host.Contains(".blob.", StringComparison.Ordinal) ? StorageService.Blob
            : uri.Port == _queuePort || host.Contains(".queue.", StringComparison.Ordinal) ? StorageService.Queue
            : uri.Port == _tablePort || host.Contains(".table.", StringComparison.Ordinal) ? StorageService.Table
            : throw new InvalidOperationException($"{uri} is none of the storage endpoints the faults were added for.");
        return (service, $"{service} {request.Method.Method} {Uri.UnescapeDataString(uri.AbsolutePath)}");
    }

    private FaultMode? Decide(StorageService service, Request request, string line)
    {
        lock (_gate)
        {
            _seen.Add(line);
            if (_fault is not { } fault) return null;
            var matches = fault.Matches(service, request.Method.Method, Uri.UnescapeDataString(request.Uri.Path));
            if (!_failing)
            {
                if (!matches || ++_matched < fault.Nth) return null;
                _failing = true;
            }
            else if (!fault.ThenEverything && !matches)
            {
                return null;
            }
            Failed++;
            return fault.Mode;
        }
    }
}

/// <summary>A request held by <see cref="StorageFaults.HoldAfter"/>: <see cref="Reached"/> completes when it is held.</summary>
public sealed class RequestGate
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining;

    internal RequestGate(StorageFault kind, int nth)
    {
        Kind = kind;
        _remaining = nth;
    }

    internal StorageFault Kind { get; }

    /// <summary>Completes when the request is answered by storage and held.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets the held request return to its caller.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Counts one matching request; true for the one to hold (called under the injector's lock).</summary>
    internal bool Count() => --_remaining == 0;

    internal Task WaitAsync()
    {
        _reached.TrySetResult();
        return _released.Task;
    }
}

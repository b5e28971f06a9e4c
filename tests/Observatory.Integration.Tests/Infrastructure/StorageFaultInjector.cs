using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

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

/// <summary>What an injected fault does to a request.</summary>
public enum FaultKind
{
    /// <summary>The request fails as when the service is unreachable (a transport error, never reaching storage).</summary>
    Fail,
    /// <summary>The request is sent but its answer never arrives in time: storage may have done it, the caller cannot know.</summary>
    Timeout,
}

/// <summary>
/// Which requests a fault hits: a service, optionally an HTTP method and a piece of the path (a table, container,
/// queue or "$batch"), from the <paramref name="Nth"/> matching request on (1-based), until <see cref="StorageFaultInjector.Heal"/>:
/// an outage that starts at one storage step and lasts until recovery.
/// </summary>
/// <param name="Service">The service; null for any.</param>
/// <param name="Method">GET, PUT, POST, DELETE, MERGE, HEAD or PATCH; null for any.</param>
/// <param name="PathContains">A piece of the request's path; null for any.</param>
/// <param name="Nth">The first matching request the fault hits.</param>
/// <param name="Kind">Fail or time out.</param>
public sealed record StorageFault(StorageService? Service, string? Method, string? PathContains, int Nth, FaultKind Kind = FaultKind.Fail)
{
    /// <summary>True when <paramref name="request"/> is of this fault's kind.</summary>
    public bool Matches(StorageService service, Request request) =>
        (Service is null || service == Service)
        && (Method is null || string.Equals(request.Method.Method, Method, StringComparison.OrdinalIgnoreCase))
        && (PathContains is null || request.Uri.Path.Contains(PathContains, StringComparison.Ordinal));
}

/// <summary>
/// Fails storage requests on purpose, inside the Azure SDK's own pipeline: one <see cref="HttpPipelinePolicy"/> per
/// service (<see cref="PolicyFor"/>) added to the clients' options, so every adapter of the pipeline meets the fault
/// exactly as it would meet a real outage. <see cref="Arm"/> sets the fault; <see cref="Heal"/> ends the outage.
/// Requests are also counted by kind, so a test can find how many steps an operation has and fail each in turn.
/// </summary>
public sealed class StorageFaultInjector
{
    private readonly object _gate = new();
    private StorageFault? _fault;
    private int _matched;
    private readonly List<string> _seen = [];

    /// <summary>Sets the fault; the count of matching requests starts from zero.</summary>
    public void Arm(StorageFault fault)
    {
        lock (_gate) { _fault = fault; _matched = 0; }
    }

    /// <summary>Ends the outage: requests go through again.</summary>
    public void Heal()
    {
        lock (_gate) _fault = null;
    }

    /// <summary>True when the armed fault hit at least one request.</summary>
    public bool Fired { get; private set; }

    /// <summary>The requests seen since <see cref="ResetLog"/>, as "Service METHOD path".</summary>
    public IReadOnlyList<string> Seen
    {
        get { lock (_gate) return [.. _seen]; }
    }

    /// <summary>Clears the log of requests and <see cref="Fired"/>.</summary>
    public void ResetLog()
    {
        lock (_gate) { _seen.Clear(); Fired = false; }
    }

    /// <summary>How many requests matching <paramref name="fault"/> the log holds (ignoring its Nth).</summary>
    public int Count(StorageFault fault)
    {
        lock (_gate) return _seen.Count(line => Describe(fault.Service, fault.Method, fault.PathContains, line));
    }

    /// <summary>The policy to add to the options of the clients of <paramref name="service"/>.</summary>
    public HttpPipelinePolicy PolicyFor(StorageService service) => new FaultPolicy(this, service);

    private static bool Describe(StorageService? service, string? method, string? path, string line)
    {
        var parts = line.Split(' ', 3);
        return (service is null || parts[0] == service.ToString()) && (method is null || parts[1].Equals(method, StringComparison.OrdinalIgnoreCase))
            && (path is null || parts[2].Contains(path, StringComparison.Ordinal));
    }

    private FaultKind? Decide(StorageService service, Request request)
    {
        lock (_gate)
        {
            _seen.Add($"{service} {request.Method.Method} {request.Uri.Path}");
            if (_fault is not { } fault || !fault.Matches(service, request)) return null;
            if (++_matched < fault.Nth) return null;
            Fired = true;
            return fault.Kind;
        }
    }

    private sealed class FaultPolicy(StorageFaultInjector injector, StorageService service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            switch (injector.Decide(service, message.Request))
            {
                case FaultKind.Fail:
                    throw new RequestFailedException(0, $"Injected fault: {service} unreachable.", new System.Net.Http.HttpRequestException("Connection refused (injected)"));
                case FaultKind.Timeout:
                    // The request reaches storage; the answer is lost on the way back.
                    await ProcessNextAsync(message, pipeline);
                    throw new TaskCanceledException($"Injected timeout: {service} did not answer in time.", new TimeoutException());
                default:
                    await ProcessNextAsync(message, pipeline);
                    break;
            }
        }
    }
}

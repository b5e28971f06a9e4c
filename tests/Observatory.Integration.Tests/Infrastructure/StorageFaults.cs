using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Observatory.Storage;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>How an injected fault shows itself to the client.</summary>
public enum FaultMode
{
    /// <summary>Storage cannot be reached: the request fails with a network error, as when the account is unreachable.</summary>
    Unreachable,
    /// <summary>The request times out, as the SDK reports a request over its network time-out.</summary>
    Timeout,
}

/// <summary>
/// A storage fault injector: an Azure SDK <see cref="HttpPipelinePolicy"/> added to the table, blob and queue clients'
/// options (per retry, so the SDK's own retries meet the fault too). Every request is numbered and described by its
/// kind ("PUT blob raw/…", "POST table $batch", "POST queue submissions"); a fault armed at the Nth request of a kind
/// fails that request and, as an outage does, every request after it until <see cref="Heal"/>.
/// </summary>
public sealed class StorageFaults : HttpPipelinePolicy
{
    private readonly Lock _gate = new();
    private readonly List<string> _seen = [];
    private Func<string, bool>? _kind;
    private int _countdown;
    private FaultMode _mode;
    private bool _failing;
    private bool _everything;

    /// <summary>The kinds of the requests seen since the last <see cref="Record"/>, in order.</summary>
    public IReadOnlyList<string> Seen
    {
        get { lock (_gate) return [.. _seen]; }
    }

    /// <summary>How many requests were failed since the fault was armed.</summary>
    public int Failed { get; private set; }

    /// <summary>Forgets the requests seen so far.</summary>
    public void Record()
    {
        lock (_gate) _seen.Clear();
    }

    /// <summary>
    /// Arms a fault: the <paramref name="nth"/> request (1-based) whose kind matches <paramref name="kind"/> fails, and
    /// after it, until <see cref="Heal"/>, every request (<paramref name="everything"/>: the whole account is down) or
    /// every request of that kind (one service or operation is down, the rest answers).
    /// </summary>
    public void FailFrom(Func<string, bool> kind, int nth, FaultMode mode = FaultMode.Unreachable, bool everything = true)
    {
        lock (_gate)
        {
            _kind = kind;
            _countdown = nth;
            _mode = mode;
            _everything = everything;
            _failing = false;
            Failed = 0;
        }
    }

    /// <summary>Storage is reachable again.</summary>
    public void Heal()
    {
        lock (_gate)
        {
            _kind = null;
            _failing = false;
        }
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Inject(message);
        ProcessNext(message, pipeline);
    }

    /// <inheritdoc />
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Inject(message);
        return ProcessNextAsync(message, pipeline);
    }

    private int _blobPort, _queuePort, _tablePort;

    /// <summary>The kind of a request: its method, service and path, e.g. "PUT blob /devstoreaccount1/raw/MEX/2024/…".</summary>
    private string KindOf(HttpMessage message)
    {
        var uri = message.Request.Uri.ToUri();
        var service = uri.Port == _blobPort ? "blob" : uri.Port == _queuePort ? "queue" : uri.Port == _tablePort ? "table" : uri.Host;
        return $"{message.Request.Method} {service} {Uri.UnescapeDataString(uri.AbsolutePath)}";
    }

    private void Inject(HttpMessage message)
    {
        var kind = KindOf(message);
        FaultMode mode;
        lock (_gate)
        {
            _seen.Add(kind);
            if (_kind is null) return;
            if (!_failing)
            {
                if (!_kind(kind) || --_countdown > 0) return;
                _failing = true;
            }
            else if (!_everything && !_kind(kind))
            {
                return;
            }
            Failed++;
            mode = _mode;
        }
        throw mode == FaultMode.Timeout
            ? new TaskCanceledException($"The operation was cancelled because it exceeded the configured timeout (injected fault: {kind}).")
            : new Azure.RequestFailedException(0, $"Storage is unreachable (injected fault: {kind}).", new IOException("Connection refused (injected)."));
    }

    /// <summary>
    /// Replaces the Function App's storage clients with ones whose options carry this injector, with the SDK's retry
    /// kept but its delays short, so a test sees the retries meet the outage without waiting for them.
    /// </summary>
    public void AddTo(IServiceCollection services, string connectionString)
    {
        var connection = StorageConnection.FromConnectionString(connectionString);
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
        }
        services.AddSingleton(_ => connection.CreateTableServiceClient(tables));
        services.AddSingleton(_ => connection.CreateBlobServiceClient(blobs));
        services.AddSingleton(_ => connection.CreateQueueServiceClient(queues));
    }
}

using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Observatory.Benchmarks.Measurement;

/// <summary>
/// Counts the HTTP requests an Azure SDK client sends, by kind (method and resource). Added per retry, so that a
/// request the SDK retries counts each time it goes out: that is what a storage account bills as transactions.
/// </summary>
public sealed class RequestCounter(string service) : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, long> _byKind = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>Requests sent since the last reset.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests by kind ("table POST $batch", "blob PUT raw"), since the last reset.</summary>
    public IReadOnlyDictionary<string, long> ByKind => new Dictionary<string, long>(_byKind, StringComparer.Ordinal);

    /// <summary>Forgets what was counted.</summary>
    public void Reset()
    {
        _byKind.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message.Request);
        ProcessNext(message, pipeline);
    }

    /// <inheritdoc />
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message.Request);
        return ProcessNextAsync(message, pipeline);
    }

    private void Count(Request request)
    {
        Interlocked.Increment(ref _total);
        _byKind.AddOrUpdate($"{service} {request.Method} {Resource(request.Uri.Path)}", 1, (_, n) => n + 1);
    }

    /// <summary>The first path segment after the account (the table, container or queue), without keys or a blob's name.</summary>
    private static string Resource(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // Azurite puts the account first in the path; Azure puts it in the host name.
        var resource = segments.Length > 1 && segments[0] == "devstoreaccount1" ? segments[1] : segments.FirstOrDefault() ?? "";
        var bracket = resource.IndexOf('(', StringComparison.Ordinal);
        return bracket >= 0 ? resource[..bracket] : resource;
    }
}

/// <summary>The request counters of the three storage services.</summary>
public sealed class StorageRequests
{
    /// <summary>Table Storage.</summary>
    public RequestCounter Tables { get; } = new("table");

    /// <summary>Blob Storage.</summary>
    public RequestCounter Blobs { get; } = new("blob");

    /// <summary>Queue Storage.</summary>
    public RequestCounter Queues { get; } = new("queue");

    /// <summary>Requests to all three since the last reset.</summary>
    public long Total => Tables.Total + Blobs.Total + Queues.Total;

    /// <summary>Requests by kind, all three services.</summary>
    public IReadOnlyDictionary<string, long> ByKind =>
        Tables.ByKind.Concat(Blobs.ByKind).Concat(Queues.ByKind).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>Forgets what was counted.</summary>
    public void Reset()
    {
        Tables.Reset();
        Blobs.Reset();
        Queues.Reset();
    }
}

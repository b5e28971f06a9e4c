using System.Text.Json;
using Observatory.Tests.Shared;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>The Function App's host.json, the repository's one file that both the Functions host and the local host read.</summary>
public static class HostJson
{
    /// <summary>How many tries a queue message gets before the host moves it to the poison queue: extensions.queues.maxDequeueCount.</summary>
    public static int MaxDequeueCount { get; } = ReadMaxDequeueCount();

    private static int ReadMaxDequeueCount()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryFiles.PathOf("host.json")));
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("queues", out var queues)
            && queues.TryGetProperty("maxDequeueCount", out var count)
                ? count.GetInt32()
                : throw new InvalidOperationException("host.json sets no extensions.queues.maxDequeueCount, which the poison tests follow.");
    }
}

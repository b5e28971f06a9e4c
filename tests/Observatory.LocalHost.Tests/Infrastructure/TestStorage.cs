using Azure.Storage.Queues;

namespace Observatory.LocalHost.Tests.Infrastructure;

/// <summary>The Azurite (or storage account) the queue tests run against.</summary>
internal static class TestStorage
{
    /// <summary>From OBSERVATORY_TEST_STORAGE, so that a run can point at any Azurite; the standard ports by default.</summary>
    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("OBSERVATORY_TEST_STORAGE") is { Length: > 0 } configured ? configured : "UseDevelopmentStorage=true";

    /// <summary>A queue name no other test uses, short enough for its poison queue's name too.</summary>
    public static string UniqueQueueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(56, prefix.Length + 33)];

    /// <summary>A client for a queue, encoding messages as given.</summary>
    public static QueueClient Queue(string name, QueueMessageEncoding encoding = QueueMessageEncoding.Base64) =>
        new(ConnectionString, name, new QueueClientOptions { MessageEncoding = encoding });
}

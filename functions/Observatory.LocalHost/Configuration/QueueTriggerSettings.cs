using Azure.Storage.Queues;

namespace Observatory.LocalHost.Configuration;

/// <summary>
/// The <c>extensions.queues</c> section of host.json: how every queue-triggered function polls, retries and gives up
/// on its queue.
/// </summary>
/// <param name="BatchSize">How many messages one poll receives and processes in parallel (1 to 32).</param>
/// <param name="NewBatchThreshold">
/// A new batch is received when the number of messages still being processed has dropped to this number.
/// </param>
/// <param name="MaxPollingInterval">The longest wait between two polls of an empty queue.</param>
/// <param name="VisibilityTimeout">How long a message whose invocation failed stays invisible before its next try.</param>
/// <param name="MaxDequeueCount">How many tries a message gets before it is moved to the poison queue.</param>
/// <param name="MessageEncoding">How message text is encoded on the queue: Base64 (the default) or None.</param>
public sealed record QueueTriggerSettings(
    int BatchSize,
    int NewBatchThreshold,
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int MaxDequeueCount,
    QueueMessageEncoding MessageEncoding)
{
    /// <summary>The largest batch the Functions host allows.</summary>
    public const int MaxBatchSize = 32;

    /// <summary>The shortest polling interval, and the first back-off step after an empty poll.</summary>
    public static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The Functions host's defaults: batches of 16, a new batch at N × 16 / 2 messages in flight (N the number of
    /// processors), polls at most a minute apart, a failed message visible again at once, 5 tries, Base64 text.
    /// </summary>
    /// <param name="processorCount">The N of the new-batch threshold.</param>
    public static QueueTriggerSettings Defaults(int processorCount) =>
        new(16, DefaultNewBatchThreshold(16, processorCount), TimeSpan.FromMinutes(1), TimeSpan.Zero, 5, QueueMessageEncoding.Base64);

    /// <summary>The host's default threshold for a batch size: N × batchSize / 2.</summary>
    public static int DefaultNewBatchThreshold(int batchSize, int processorCount) => Math.Max(1, processorCount) * batchSize / 2;
}

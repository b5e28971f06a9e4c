using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Observatory.Storage;

/// <summary>
/// The Azure SDK clients' own retry, tuned once here. Transient faults (timeouts, 5xx, throttling) are retried by
/// the SDK only; the pipeline's Polly pipelines retry only what the SDK cannot know is safe to repeat
/// (a re-read after an ETag conflict), so the two never stack.
/// </summary>
public static class StorageClientOptions
{
    private static void Tune(RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 4;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(5);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>Options for table clients.</summary>
    public static TableClientOptions Tables(params HttpPipelinePolicy[] policies)
    {
        var options = new TableClientOptions();
        Tune(options.Retry);
        foreach (var policy in policies) options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>Options for blob clients.</summary>
    public static BlobClientOptions Blobs(params HttpPipelinePolicy[] policies)
    {
        var options = new BlobClientOptions();
        Tune(options.Retry);
        foreach (var policy in policies) options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }

    /// <summary>
    /// Options for queue clients. Messages are base64-encoded, as host.json's queues.messageEncoding (the Functions
    /// default) expects.
    /// </summary>
    public static QueueClientOptions Queues(params HttpPipelinePolicy[] policies)
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        Tune(options.Retry);
        foreach (var policy in policies) options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }
}

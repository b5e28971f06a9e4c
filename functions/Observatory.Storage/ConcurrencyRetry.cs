using Azure;
using Polly;
using Polly.Retry;

namespace Observatory.Storage;

/// <summary>
/// A Polly pipeline for read-modify-write with optimistic concurrency: when another writer changed the entity
/// first (412) or created it first (409), read again and re-apply. The SDK does not retry these, rightly, since
/// only the caller knows the write is safe to recompute.
/// </summary>
internal static class ConcurrencyRetry
{
    public static ResiliencePipeline Pipeline { get; } = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<RequestFailedException>(e => e.Status is 409 or 412),
            MaxRetryAttempts = 8,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromSeconds(1),
            UseJitter = true,
        })
        .Build();
}

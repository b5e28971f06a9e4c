using Azure;

namespace Observatory.Functions.Http;

/// <summary>Tells a storage outage (answered 503 with Retry-After) from a client that hung up and from a defect (500).</summary>
public static class StorageFailure
{
    /// <summary>
    /// True for what the Azure SDK throws when storage cannot be reached or answers with an error after its retries:
    /// a failed request, the retries' aggregate, a network error, or a time-out that was not the caller's cancellation.
    /// </summary>
    public static bool Is(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        RequestFailedException or IOException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => Is(inner, cancellationToken)),
        _ => false,
    };
}

using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Queues;

public sealed class AlwaysFail(InvocationRecorder recorder)
{
    [Function("AlwaysFail")]
    public void Run([QueueTrigger("%Samples:FailingQueue%", Connection = "Storage")] QueueMessage message)
    {
        recorder.Record("AlwaysFail", message);
        throw new InvalidOperationException($"Failing on purpose (try {message.DequeueCount}).");
    }
}

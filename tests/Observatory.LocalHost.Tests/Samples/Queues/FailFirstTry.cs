using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Queues;

public sealed class FailFirstTry(InvocationRecorder recorder)
{
    [Function("FailFirstTry")]
    public async Task RunAsync([QueueTrigger("%Samples:FlakyQueue%", Connection = "Storage")] QueueMessage message)
    {
        recorder.Record("FailFirstTry", message);
        await Task.Yield();
        if (message.DequeueCount == 1)
            throw new InvalidOperationException("The first try fails on purpose.");
    }
}

using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Queues;

/// <summary>Names no connection, so it uses AzureWebJobsStorage as in Functions.</summary>
public sealed class EchoBinary(InvocationRecorder recorder)
{
    [Function("EchoBinary")]
    public Task RunAsync([QueueTrigger("%Samples:BinaryQueue%")] BinaryData message, CancellationToken cancellationToken)
    {
        recorder.Record("EchoBinary", message.ToArray());
        return Task.CompletedTask;
    }
}

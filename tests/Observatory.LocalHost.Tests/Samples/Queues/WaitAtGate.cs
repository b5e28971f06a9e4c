using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Queues;

public sealed class WaitAtGate(InvocationRecorder recorder, TestGate gate)
{
    [Function("WaitAtGate")]
    public async Task RunAsync([QueueTrigger("%Samples:GatedQueue%", Connection = "Storage")] string message, CancellationToken cancellationToken)
    {
        recorder.Record("WaitAtGate", message);
        await gate.PassAsync(cancellationToken);
    }
}

using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Queues;

/// <summary>
/// Runs until the test opens the gate, longer than the message lease, so the lease must be renewed for the message not
/// to be delivered twice.
/// </summary>
public sealed class RunLong(InvocationRecorder recorder, TestGate gate)
{
    [Function("RunLong")]
    public async Task RunAsync([QueueTrigger("%Samples:SlowQueue%", Connection = "Storage")] string message, CancellationToken cancellationToken)
    {
        recorder.Record("RunLong.Started", message);
        await gate.PassAsync(cancellationToken);
        recorder.Record("RunLong", message);
    }
}

using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Queues;

public sealed class EchoText(InvocationRecorder recorder)
{
    [Function("EchoText")]
    public void Run([QueueTrigger("%Samples:TextQueue%", Connection = "Storage")] string message) => recorder.Record("EchoText", message);
}

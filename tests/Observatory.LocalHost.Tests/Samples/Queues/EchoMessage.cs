using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Queues;

public sealed class EchoMessage(InvocationRecorder recorder)
{
    [Function("EchoMessage")]
    public void Run([QueueTrigger("%Samples:MessageQueue%", Connection = "Storage")] QueueMessage message) => recorder.Record("EchoMessage", message);
}

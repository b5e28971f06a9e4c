using Microsoft.Azure.Functions.Worker;

// Trigger attributes whose settings are missing or invalid; only the catalog tests index them.
namespace Observatory.LocalHost.Tests.Samples.Invalid;

public sealed class MissingQueueSetting
{
    [Function("MissingQueueSetting")]
    public void Run([QueueTrigger("%Samples:NotConfigured%", Connection = "Storage")] string message)
    {
    }
}

public sealed class InvalidQueueName
{
    [Function("InvalidQueueName")]
    public void Run([QueueTrigger("bad_queue--name", Connection = "Storage")] string message)
    {
    }
}

public sealed class MissingConnection
{
    [Function("MissingConnection")]
    public void Run([QueueTrigger("work", Connection = "NotConfiguredStorage")] string message)
    {
    }
}

public sealed class FiveFieldSchedule
{
    [Function("FiveFieldSchedule")]
    public void Run([TimerTrigger("*/5 * * * *")] TimerInfo timer)
    {
    }
}

public sealed class TimeSpanSchedule
{
    [Function("TimeSpanSchedule")]
    public void Run([TimerTrigger("00:05:00")] TimerInfo timer)
    {
    }
}

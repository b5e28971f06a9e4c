using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Timers;

/// <summary>Every day at 02:00: in UTC, or in the zone of WEBSITE_TIME_ZONE.</summary>
public sealed class DailyAtTwo(InvocationRecorder recorder)
{
    [Function("DailyAtTwo")]
    public void Run([TimerTrigger("0 0 2 * * *")] TimerInfo timer) => recorder.Record("DailyAtTwo", timer);
}

using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Timers;

/// <summary>UseMonitor is not set, so a schedule more often than once a minute is not monitored, as in Functions.</summary>
public sealed class EverySecond(InvocationRecorder recorder)
{
    [Function("EverySecond")]
    public Task RunAsync([TimerTrigger("* * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        recorder.Record("EverySecond", timer);
        return Task.CompletedTask;
    }
}

using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Timers;

public sealed class EverySecondMonitored(InvocationRecorder recorder)
{
    [Function("EverySecondMonitored")]
    public void Run([TimerTrigger("%Samples:EverySecond%", UseMonitor = true)] TimerInfo timer) => recorder.Record("EverySecondMonitored", timer);
}

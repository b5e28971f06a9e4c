using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Timers;

/// <summary>A yearly schedule, monitored by default as it recurs less often than once a minute.</summary>
public sealed class Yearly(InvocationRecorder recorder)
{
    public const string Schedule = "0 0 6 1 3 *";

    [Function("Yearly")]
    public void Run([TimerTrigger(Schedule)] TimerInfo timer) => recorder.Record("Yearly", timer);
}

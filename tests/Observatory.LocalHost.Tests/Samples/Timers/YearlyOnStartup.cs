using Microsoft.Azure.Functions.Worker;
using Observatory.LocalHost.Tests.Infrastructure;

namespace Observatory.LocalHost.Tests.Samples.Timers;

public sealed class YearlyOnStartup(InvocationRecorder recorder)
{
    [Function("YearlyOnStartup")]
    public void Run([TimerTrigger("0 0 6 1 3 *", RunOnStartup = true)] TimerInfo timer) => recorder.Record("YearlyOnStartup", timer);
}

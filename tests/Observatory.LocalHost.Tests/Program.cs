using Observatory.LocalHost.Tests.Timers;

namespace Observatory.LocalHost.Tests;

/// <summary>
/// The test assembly's entry point, used only when a test starts the assembly as a child process (the test runner
/// loads it as a library): runs the probe named on the command line.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args is [TimerTimeZoneProbe.Command])
            return await TimerTimeZoneProbe.RunAsync();
        await Console.Error.WriteLineAsync($"Usage: {TimerTimeZoneProbe.Command}");
        return 2;
    }
}

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Options;

namespace Observatory.LocalHost;

/// <summary>Runs the Observatory Function App on this machine without the Functions host.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        WebApplication app;
        try
        {
            app = LocalFunctionsHost.Build(args, ObservatoryFunctionApp.CreateOptions());
        }
        catch (LocalHostStartupException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }
        try
        {
            await app.RunAsync();
        }
        catch (OptionsValidationException ex)
        {
            // A setting that is set but unusable (an admin key too short): said plainly, without a stack trace.
            await Console.Error.WriteLineAsync("The local host cannot start: " + string.Join(" ", ex.Failures));
            return 1;
        }
        return 0;
    }
}

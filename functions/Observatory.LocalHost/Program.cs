using Microsoft.AspNetCore.Builder;

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
        await app.RunAsync();
        return 0;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Observatory.Functions;
using Observatory.LocalHost.Emulation;

namespace Observatory.LocalHost;

/// <summary>The local host's options for the Observatory Function App.</summary>
public static class ObservatoryFunctionApp
{
    /// <summary>
    /// Serves every function of Observatory.Functions, configured by the Function App's own composition root
    /// (<see cref="CompositionRoot.Configure"/>: services, options and worker middleware), as Program.cs configures it.
    /// </summary>
    public static LocalHostOptions CreateOptions() => new()
    {
        FunctionsAssembly = typeof(CompositionRoot).Assembly,
        // Azurite has no Event Grid: the local host announces direct uploads itself.
        ConfigureServices = (services, _) => services.AddHostedService<UploadEventEmulator>(),
        ConfigureWorker = (worker, configuration) => CompositionRoot.Configure(worker, configuration),
    };
}

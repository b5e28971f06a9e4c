using Microsoft.Extensions.DependencyInjection;
using Observatory.Functions;
using Observatory.LocalHost.Emulation;

namespace Observatory.LocalHost;

/// <summary>The local host's options for the Observatory Function App.</summary>
public static class ObservatoryFunctionApp
{
    /// <summary>
    /// Serves every function of Observatory.Functions, with the services registered by the Function App's own
    /// <see cref="ServiceRegistration.AddObservatory"/>.
    /// </summary>
    public static LocalHostOptions CreateOptions() => new()
    {
        FunctionsAssembly = typeof(ServiceRegistration).Assembly,
        ConfigureServices = (services, configuration) =>
        {
            services.AddObservatory(configuration);
            // Azurite has no Event Grid: the local host announces direct uploads itself.
            services.AddHostedService<UploadEventEmulator>();
        },
    };
}

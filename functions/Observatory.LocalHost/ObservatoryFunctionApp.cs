using Observatory.Functions;

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
        ConfigureServices = (services, configuration) => services.AddObservatory(configuration),
    };
}

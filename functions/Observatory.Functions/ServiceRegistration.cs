using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Observatory.Functions;

/// <summary>The services the function classes depend on, registered the same way by the Function App and the local host.</summary>
public static class ServiceRegistration
{
    /// <summary>Registers the observatory's services.</summary>
    public static IServiceCollection AddObservatory(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}

using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Observatory.Functions.Middleware;

namespace Observatory.Functions;

/// <summary>
/// The Function App's one composition root: its services, options and worker middleware. Program.cs runs it on the
/// Functions worker; the local host and the integration tests run the same method on a builder of their own, so
/// nothing configured here can be missing on one machine.
/// </summary>
public static class CompositionRoot
{
    /// <summary>Configures <paramref name="builder"/>; the middleware runs in the order it is added here.</summary>
    /// <param name="builder">The worker's application builder (or the local host's).</param>
    /// <param name="configuration">The app's settings.</param>
    /// <exception cref="InvalidOperationException">An HTTP function declares no <see cref="CallerRequirementAttribute"/>, or several.</exception>
    public static IFunctionsWorkerApplicationBuilder Configure(IFunctionsWorkerApplicationBuilder builder, IConfiguration configuration)
    {
        // Before anything is served: a route whose access is undeclared must not go live.
        CallerRequirements.Check(typeof(CompositionRoot).Assembly);
        builder.Services.AddObservatory(configuration);
        // Outermost, so a failure of the authentication's own storage read is answered 503 too.
        builder.UseMiddleware<ExceptionMiddleware>();
        builder.UseMiddleware<CallerAuthenticationMiddleware>();
        return builder;
    }
}

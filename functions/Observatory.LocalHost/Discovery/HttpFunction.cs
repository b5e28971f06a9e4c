using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Discovery;

/// <summary>A function triggered by HTTP requests on a route.</summary>
public sealed class HttpFunction : FunctionDescriptor
{
    internal HttpFunction(string name, MethodInfo method, IReadOnlyList<ParameterBinding> parameters,
        string route, IReadOnlyList<string>? httpMethods, AuthorizationLevel authorizationLevel)
        : base(name, method, parameters)
    {
        Route = route;
        HttpMethods = httpMethods;
        AuthorizationLevel = authorizationLevel;
    }

    /// <inheritdoc />
    public override string TriggerKind => "httpTrigger";

    /// <summary>The route template below the route prefix (the function's name when the attribute sets none).</summary>
    public string Route { get; }

    /// <summary>The HTTP methods served, upper case; null when the function accepts every method.</summary>
    public IReadOnlyList<string>? HttpMethods { get; }

    /// <summary>The level the attribute declares; the local host serves every level anonymously.</summary>
    public AuthorizationLevel AuthorizationLevel { get; }

    /// <summary>The route template with the route prefix, as served.</summary>
    /// <param name="routePrefix">The prefix from host.json, without slashes.</param>
    public string FullRoute(string routePrefix) => routePrefix.Length == 0 ? Route : $"{routePrefix}/{Route}";
}

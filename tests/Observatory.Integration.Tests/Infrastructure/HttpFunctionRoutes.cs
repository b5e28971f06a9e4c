using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Observatory.Functions;
using Observatory.Functions.Middleware;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>
/// Finds which HTTP function of the Function App a request is for, from the functions' routes and methods below the
/// "api" prefix, the most specific route first as ASP.NET Core routing orders them; so a test request goes through the
/// middleware with the definition (and the access requirement) of the function that would serve it.
/// </summary>
public static class HttpFunctionRoutes
{
    private const string RoutePrefix = "api";

    private static readonly IReadOnlyList<Route> Routes = CallerRequirements.HttpFunctionMethods(typeof(CompositionRoot).Assembly)
        .Select(Route.Of)
        .OrderBy(route => RoutePrecedence.ComputeInbound(route.Template.Template))
        .ToList();

    /// <summary>The function <paramref name="request"/> is routed to, with its route values.</summary>
    /// <exception cref="InvalidOperationException">No function serves the request's method and path.</exception>
    public static (string Name, MethodInfo Method, RouteValueDictionary Values) Find(HttpRequest request)
    {
        foreach (var route in Routes)
        {
            var values = new RouteValueDictionary();
            if (route.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase) && route.Template.TryMatch(request.Path, values))
                return (route.Name, route.Method, values);
        }
        throw new InvalidOperationException($"No HTTP function serves {request.Method} {request.Path}.");
    }

    private sealed record Route(string Name, MethodInfo Method, string[] Methods, TemplateMatcher Template)
    {
        public static Route Of(MethodInfo method)
        {
            var trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).First(a => a is not null)!;
            var template = TemplateParser.Parse($"{RoutePrefix}/{trigger.Route ?? method.GetCustomAttribute<FunctionAttribute>()!.Name}");
            return new Route(method.GetCustomAttribute<FunctionAttribute>()!.Name, method, trigger.Methods ?? [], new TemplateMatcher(template, new RouteValueDictionary()));
        }
    }
}

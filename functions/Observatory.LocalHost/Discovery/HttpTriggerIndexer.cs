using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Discovery;

/// <summary>
/// Indexes an HTTP-triggered function from its httpTrigger binding (route, methods, authorization level) and its
/// method: an <see cref="HttpRequest"/> trigger parameter, route parameters bound by name,
/// an optional cancellation token, and an <see cref="IActionResult"/> (or <see cref="Task"/>) result.
/// </summary>
internal static class HttpTriggerIndexer
{
    /// <summary>The types a route value can be bound to.</summary>
    public static readonly IReadOnlySet<Type> RouteValueTypes = new HashSet<Type>
    {
        typeof(string), typeof(int), typeof(long), typeof(Guid), typeof(int?), typeof(long?), typeof(Guid?),
    };

    public static HttpFunction? Index(MethodInfo method, FunctionMetadata function, ParameterInfo trigger, BindingMetadata binding,
        string routePrefix, IndexingProblems problems)
    {
        var name = function.Name;
        var valid = true;
        void Fail(string problem)
        {
            problems.Add(method, name, problem);
            valid = false;
        }

        if (trigger.ParameterType != typeof(HttpRequest))
            Fail($"the HTTP trigger parameter '{trigger.Name}' is a {trigger.ParameterType.Name}; it must be Microsoft.AspNetCore.Http.HttpRequest (ASP.NET Core integration).");

        var route = FunctionsHostRules.RouteOf(function, binding);
        RoutePattern? pattern = null;
        try
        {
            pattern = RoutePatternFactory.Parse(routePrefix.Length == 0 ? route : $"{routePrefix}/{route}");
        }
        catch (RoutePatternException ex)
        {
            Fail($"the route '{route}' is not a valid route template: {ex.Message}");
        }

        var bindings = new List<ParameterBinding>();
        var tokenBound = false;
        foreach (var parameter in method.GetParameters())
        {
            if (parameter == trigger)
            {
                bindings.Add(new ParameterBinding(parameter, ParameterSource.Trigger));
                continue;
            }
            if (FunctionMethodRules.BindCancellationToken(method, name, parameter, ref tokenBound, problems) is { } token)
            {
                bindings.Add(token);
                continue;
            }
            if (parameter.ParameterType == typeof(CancellationToken))
            {
                valid = false;
                continue;
            }
            if (pattern is not null && pattern.GetParameter(parameter.Name!) is null)
                Fail($"parameter '{parameter.Name}' is not a parameter of the route '{route}'; besides the request, a function takes route parameters by name and a CancellationToken.");
            else if (!RouteValueTypes.Contains(parameter.ParameterType))
                Fail($"route parameter '{parameter.Name}' is a {parameter.ParameterType.Name}; route values bind to string, int, long or Guid.");
            else
                bindings.Add(new ParameterBinding(parameter, ParameterSource.RouteValue));
        }

        if (!ReturnsActionResult(method.ReturnType))
            Fail($"returns {method.ReturnType.Name}; an HTTP function returns IActionResult, Task<IActionResult>, or Task when it writes the response itself.");

        if (!Enum.TryParse<AuthorizationLevel>(binding.AuthLevel ?? nameof(AuthorizationLevel.Function), ignoreCase: true, out var authLevel))
            Fail($"the authorization level '{binding.AuthLevel}' is not Anonymous, User, Function, System or Admin.");

        return valid ? new HttpFunction(name, method, bindings, route, FunctionsHostRules.MethodsOf(binding), authLevel) : null;
    }

    private static bool ReturnsActionResult(Type returnType) =>
        typeof(IActionResult).IsAssignableFrom(returnType)
        || returnType == typeof(Task)
        || (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>)
            && typeof(IActionResult).IsAssignableFrom(returnType.GetGenericArguments()[0]));
}

using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observatory.LocalHost.Discovery;
using Observatory.LocalHost.Invocation;

namespace Observatory.LocalHost.Http;

/// <summary>
/// Maps each HTTP function to an endpoint on its route below the route prefix, for its HTTP methods. The function's
/// <see cref="IActionResult"/> is executed by ASP.NET Core MVC's result executors, as in the Function App's ASP.NET Core
/// integration; an unhandled exception becomes a 500 problem+json response without any detail of the exception.
/// </summary>
internal static class HttpTriggerEndpoints
{
    public static void MapHttpFunctions(this IEndpointRouteBuilder endpoints, IEnumerable<HttpFunction> functions, string routePrefix)
    {
        var logger = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Host.LocalHost");
        foreach (var function in functions)
        {
            if (function.AuthorizationLevel != AuthorizationLevel.Anonymous)
            {
                logger.LogInformation(
                    "Function '{FunctionName}' declares authorization level {Level}; the local host serves it anonymously (the app checks its own keys).",
                    function.Name, function.AuthorizationLevel);
            }

            var builder = endpoints.Map(RoutePatternFactory.Parse(function.FullRoute(routePrefix)), context => HandleAsync(context, function));
            if (function.HttpMethods is not null)
                builder.WithMetadata(new HttpMethodMetadata(function.HttpMethods));
            builder.WithDisplayName($"Functions.{function.Name}");
        }
    }

    private static async Task HandleAsync(HttpContext context, HttpFunction function)
    {
        var invoker = context.RequestServices.GetRequiredService<FunctionInvoker>();
        var routeValues = context.Request.RouteValues.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        var input = new TriggerInput(context.Request, routeValues, context.RequestAborted);
        try
        {
            await invoker.InvokeAsync(function, input, "This function was programmatically called via the host APIs.",
                (result, _) => result is IActionResult actionResult ? actionResult.ExecuteResultAsync(ActionContextFor(context)) : Task.CompletedTask);
        }
        catch (Exception) when (!context.Response.HasStarted)
        {
            // The invoker has logged the exception; the client learns only that the request failed.
            await WriteServerErrorAsync(context);
        }
        catch (Exception)
        {
            // Part of the response has been sent: the only honest signal left is to break the connection.
            context.Abort();
        }
    }

    private static async Task WriteServerErrorAsync(HttpContext context)
    {
        context.Response.Clear();
        var problem = context.RequestServices.GetRequiredService<ProblemDetailsFactory>().CreateProblemDetails(
            context,
            StatusCodes.Status500InternalServerError,
            detail: "The request could not be processed because of an error on the server.");
        var result = new ObjectResult(problem) { StatusCode = StatusCodes.Status500InternalServerError };
        result.ContentTypes.Add("application/problem+json");
        await result.ExecuteResultAsync(ActionContextFor(context));
    }

    private static ActionContext ActionContextFor(HttpContext context) =>
        new(context, context.GetRouteData(), new ActionDescriptor());
}

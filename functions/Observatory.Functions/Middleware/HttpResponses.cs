using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace Observatory.Functions.Middleware;

/// <summary>Writes a result to the response from middleware, as the ASP.NET Core integration writes a function's result.</summary>
internal static class HttpResponses
{
    public static Task WriteAsync(HttpContext context, IActionResult result) =>
        result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
}

using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using Observatory.Core;
using Observatory.Functions.Http;

namespace Observatory.Functions.Middleware;

/// <summary>
/// Answers an HTTP function's unhandled exception with problem details instead of the exception: 503 with Retry-After
/// when storage could not be reached (<see cref="StorageFailure"/>), 500 otherwise; neither says anything of the
/// exception itself, which is logged. Exceptions of other triggers, of a request the client has left and of a response
/// already started go on to the host (a queue message is retried; a started response can only be broken off).
/// </summary>
public sealed class ExceptionMiddleware(ObservatoryOptions options, ILogger<ExceptionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <summary>The 503's detail.</summary>
    public const string UnavailableDetail = "Storage cannot be reached right now, so the request was not completed. Please send it again in a few minutes.";

    /// <summary>The 500's detail.</summary>
    public const string ServerErrorDetail = "The request could not be processed because of an error on the server.";

    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.GetHttpContext() is { } http && !http.Response.HasStarted
            && !http.RequestAborted.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            var unavailable = StorageFailure.Is(ex, context.CancellationToken);
            logger.Log(unavailable ? LogLevel.Warning : LogLevel.Error, ex, "Function '{FunctionName}' (Id={InvocationId}) failed; answered {Status}.",
                context.FunctionDefinition.Name, context.InvocationId, unavailable ? 503 : 500);
            http.Response.Clear();
            await HttpResponses.WriteAsync(http, unavailable
                ? ApiResults.Unavailable(UnavailableDetail, options.RetryAfterSeconds)
                : ApiResults.Problem(StatusCodes.Status500InternalServerError, "Server error", ServerErrorDetail));
        }
    }
}

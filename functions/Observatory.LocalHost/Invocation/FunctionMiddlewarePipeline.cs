using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Observatory.LocalHost.Invocation;

/// <summary>
/// The worker middleware of the Function App, composed once around the function's own run as the worker composes it:
/// the first added is the outermost, and a middleware that does not call its next delegate ends the invocation there.
/// </summary>
public sealed class FunctionMiddlewarePipeline
{
    private readonly FunctionExecutionDelegate _pipeline;

    /// <summary>Composes <paramref name="middleware"/> (outermost first) around the function.</summary>
    public FunctionMiddlewarePipeline(IEnumerable<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> middleware)
    {
        Middleware = middleware.ToList();
        FunctionExecutionDelegate pipeline = RunFunctionAsync;
        for (var index = Middleware.Count - 1; index >= 0; index--)
            pipeline = Middleware[index](pipeline);
        _pipeline = pipeline;
    }

    /// <summary>The middleware, outermost first.</summary>
    public IReadOnlyList<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> Middleware { get; }

    /// <summary>Runs the middleware and, unless one of them answers alone, the function of <paramref name="context"/>.</summary>
    public Task InvokeAsync(LocalFunctionContext context) => _pipeline(context);

    // The end of the pipeline, where the worker's FunctionExecutionMiddleware runs the function.
    private static async Task RunFunctionAsync(FunctionContext context) =>
        await ((LocalFunctionContext)context).RunFunctionAsync();
}

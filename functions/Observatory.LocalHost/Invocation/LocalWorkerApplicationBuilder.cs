using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;

namespace Observatory.LocalHost.Invocation;

/// <summary>
/// The local host's <see cref="IFunctionsWorkerApplicationBuilder"/>: the services are the host's own, and the
/// middleware added with <see cref="Use"/> (which the worker's <c>UseMiddleware&lt;T&gt;()</c> calls, after registering
/// T as a singleton that it resolves from <see cref="FunctionContext.InstanceServices"/>) is kept, in order, for
/// <see cref="FunctionMiddlewarePipeline"/>. So a Function App's composition root runs here unchanged.
/// </summary>
public sealed class LocalWorkerApplicationBuilder(IServiceCollection services) : IFunctionsWorkerApplicationBuilder
{
    private readonly List<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> _middleware = [];

    /// <inheritdoc />
    public IServiceCollection Services { get; } = services;

    /// <summary>The middleware added so far, outermost first.</summary>
    public IReadOnlyList<Func<FunctionExecutionDelegate, FunctionExecutionDelegate>> Middleware => _middleware;

    /// <inheritdoc />
    public IFunctionsWorkerApplicationBuilder Use(Func<FunctionExecutionDelegate, FunctionExecutionDelegate> middleware)
    {
        ArgumentNullException.ThrowIfNull(middleware);
        _middleware.Add(middleware);
        return this;
    }

    /// <summary>The pipeline of the middleware added so far, around the function itself.</summary>
    public FunctionMiddlewarePipeline BuildPipeline() => new(_middleware);
}

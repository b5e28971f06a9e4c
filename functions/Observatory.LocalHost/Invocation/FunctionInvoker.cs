using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observatory.LocalHost.Discovery;

namespace Observatory.LocalHost.Invocation;

/// <summary>
/// Runs one invocation the way the isolated worker does: a new DI scope, a <see cref="LocalFunctionContext"/> over it,
/// the Function App's worker middleware (<see cref="FunctionMiddlewarePipeline"/>) and at its end a new instance of the
/// function's class created from the scope with constructor injection, the parameters bound from the trigger, and the
/// result awaited. Each invocation is logged as the Functions host logs it ("Executing 'Functions.Name' (Reason=..., Id=...)" and "Executed ...").
/// </summary>
internal sealed class FunctionInvoker(IServiceScopeFactory scopes, ILoggerFactory loggers, FunctionMiddlewarePipeline pipeline)
{
    /// <summary>Invokes <paramref name="function"/>.</summary>
    /// <param name="function">The function.</param>
    /// <param name="input">The trigger event.</param>
    /// <param name="reason">Why the function runs, for the log.</param>
    /// <param name="handleResult">
    /// Runs inside the invocation's scope, after the middleware, with what the method returned (awaited; null when a
    /// middleware answered without running it), e.g. to execute an <c>IActionResult</c>; its failure fails the invocation.
    /// </param>
    /// <returns>The invocation's id.</returns>
    /// <exception cref="Exception">Whatever the function (or <paramref name="handleResult"/>) threw, after it was logged.</exception>
    public async Task<Guid> InvokeAsync(FunctionDescriptor function, TriggerInput input, string reason, Func<object?, IServiceProvider, Task>? handleResult = null)
    {
        var logger = loggers.CreateLogger($"Function.{function.Name}");
        var id = Guid.NewGuid();
        logger.LogInformation("Executing 'Functions.{FunctionName}' (Reason='{Reason}', Id={InvocationId})", function.Name, reason, id);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = new LocalFunctionContext(id.ToString(), LocalFunctionDefinition.For(function.Name, function.Method), scope.ServiceProvider,
                BindingData.Of(input), input.CancellationToken, () => RunAsync(function, input, scope.ServiceProvider));
            if (input.TriggerValue is HttpRequest request)
                context.Items[LocalFunctionContext.HttpContextKey] = request.HttpContext;
            await pipeline.InvokeAsync(context);
            if (handleResult is not null)
                await handleResult(context.InvocationResult, scope.ServiceProvider);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Executed 'Functions.{FunctionName}' (Failed, Id={InvocationId}, Duration={Duration}ms)",
                function.Name, id, stopwatch.ElapsedMilliseconds);
            throw;
        }
        logger.LogInformation("Executed 'Functions.{FunctionName}' (Succeeded, Id={InvocationId}, Duration={Duration}ms)",
            function.Name, id, stopwatch.ElapsedMilliseconds);
        return id;
    }

    // The end of the pipeline: the function's instance, created from the invocation's scope, runs with its arguments.
    private static async Task<object?> RunAsync(FunctionDescriptor function, TriggerInput input, IServiceProvider services)
    {
        var arguments = ParameterBinder.Bind(function, input);
        var instance = ActivatorUtilities.CreateInstance(services, function.FunctionType);
        try
        {
            return await AwaitResult(function.Method.ReturnType, function.Method.Invoke(instance, BindingFlags.DoNotWrapExceptions, null, arguments, null));
        }
        finally
        {
            // The worker's instances are not registered in the scope, so the scope would not dispose them.
            if (instance is IAsyncDisposable asyncDisposable)
                await asyncDisposable.DisposeAsync();
            else if (instance is IDisposable disposable)
                disposable.Dispose();
        }
    }

    private static async Task<object?> AwaitResult(Type declaredType, object? returned)
    {
        if (returned is not Task task)
            return returned;
        await task;
        // Read the result through the declared Task<T>: an async method returning a plain Task may run as a Task of
        // the runtime's own result type.
        return declaredType.IsGenericType && declaredType.GetGenericTypeDefinition() == typeof(Task<>)
            ? declaredType.GetProperty(nameof(Task<object>.Result))!.GetValue(task)
            : null;
    }
}

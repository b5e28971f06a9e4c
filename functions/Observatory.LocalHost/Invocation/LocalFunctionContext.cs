using System.Diagnostics;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Invocation;

/// <summary>
/// The <see cref="FunctionContext"/> of one invocation on the local host, carrying what the worker's carries: the
/// invocation id, the function's definition, the binding data, the items (for HTTP, the request's HttpContext under
/// the key the ASP.NET Core integration uses, so <c>context.GetHttpContext()</c> finds it), the invocation's services,
/// features and cancellation token.
/// </summary>
public sealed class LocalFunctionContext : FunctionContext
{
    /// <summary>The key under which the ASP.NET Core integration keeps the HttpContext in <see cref="Items"/>.</summary>
    public const string HttpContextKey = "HttpRequestContext";

    private readonly Func<Task<object?>> _function;

    /// <summary>Creates the context of one invocation.</summary>
    /// <param name="invocationId">The invocation's id, as its log lines give it.</param>
    /// <param name="definition">The function.</param>
    /// <param name="services">The invocation's scope, from which the function's instance is created.</param>
    /// <param name="bindingData">The trigger's metadata (route values, query, message properties).</param>
    /// <param name="cancellationToken">Signalled when the request is aborted or the host stops.</param>
    /// <param name="function">Runs the function and returns what it returned (awaited).</param>
    public LocalFunctionContext(string invocationId, FunctionDefinition definition, IServiceProvider services, IReadOnlyDictionary<string, object?> bindingData,
        CancellationToken cancellationToken, Func<Task<object?>> function)
    {
        InvocationId = invocationId;
        FunctionDefinition = definition;
        InstanceServices = services;
        BindingContext = new LocalBindingContext(bindingData);
        CancellationToken = cancellationToken;
        _function = function;
    }

    /// <inheritdoc />
    public override string InvocationId { get; }

    /// <inheritdoc />
    public override string FunctionId => FunctionDefinition.Id;

    /// <inheritdoc />
    public override TraceContext TraceContext { get; } = new LocalTraceContext(Activity.Current);

    /// <inheritdoc />
    public override BindingContext BindingContext { get; }

    /// <inheritdoc />
    /// <remarks>The local host has no retry policies: no retry of no retries.</remarks>
    public override RetryContext RetryContext { get; } = new LocalRetryContext();

    /// <inheritdoc />
    public override IServiceProvider InstanceServices { get; set; }

    /// <inheritdoc />
    public override FunctionDefinition FunctionDefinition { get; }

    /// <inheritdoc />
    public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();

    /// <inheritdoc />
    public override IInvocationFeatures Features { get; } = new LocalInvocationFeatures();

    /// <inheritdoc />
    public override CancellationToken CancellationToken { get; }

    /// <summary>What the function returned; null until it ran, or when a middleware answered without running it.</summary>
    public object? InvocationResult { get; private set; }

    /// <summary>True once the function itself ran.</summary>
    public bool FunctionRan { get; private set; }

    /// <summary>Runs the function, at the end of the pipeline.</summary>
    internal async Task RunFunctionAsync()
    {
        FunctionRan = true;
        InvocationResult = await _function();
    }

    private sealed class LocalBindingContext(IReadOnlyDictionary<string, object?> bindingData) : BindingContext
    {
        public override IReadOnlyDictionary<string, object?> BindingData { get; } = bindingData;
    }

    private sealed class LocalRetryContext : RetryContext
    {
        public override int RetryCount => 0;

        public override int MaxRetryCount => 0;
    }

    private sealed class LocalTraceContext(Activity? activity) : TraceContext
    {
        public override string TraceParent { get; } = activity?.Id ?? string.Empty;

        public override string TraceState { get; } = activity?.TraceStateString ?? string.Empty;
    }
}

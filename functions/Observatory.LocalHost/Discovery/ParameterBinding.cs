using System.Reflection;

namespace Observatory.LocalHost.Discovery;

/// <summary>Where a function parameter gets its value from at each invocation.</summary>
public enum ParameterSource
{
    /// <summary>The trigger's value: the request, the queue message or the timer information.</summary>
    Trigger,

    /// <summary>The invocation's cancellation token (the request being aborted, or the host stopping).</summary>
    CancellationToken,

    /// <summary>The route value of the same name, converted to the parameter's type.</summary>
    RouteValue,
}

/// <summary>One parameter of a function method and where its value comes from.</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Source">Where its value comes from.</param>
public sealed record ParameterBinding(ParameterInfo Parameter, ParameterSource Source)
{
    /// <summary>The parameter's name, which for a route value is the route parameter's name.</summary>
    public string Name => Parameter.Name!;
}

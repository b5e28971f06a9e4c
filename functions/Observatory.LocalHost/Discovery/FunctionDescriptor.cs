using System.Reflection;

namespace Observatory.LocalHost.Discovery;

/// <summary>A function of the Function App as functions.metadata declares it, with the method its entry point names.</summary>
public abstract class FunctionDescriptor
{
    private protected FunctionDescriptor(string name, MethodInfo method, IReadOnlyList<ParameterBinding> parameters)
    {
        Name = name;
        Method = method;
        Parameters = parameters;
    }

    /// <summary>The function's name in functions.metadata (from <c>[Function("Name")]</c>).</summary>
    public string Name { get; }

    /// <summary>The class a new instance of which runs each invocation.</summary>
    public Type FunctionType => Method.DeclaringType!;

    /// <summary>The method the function runs.</summary>
    public MethodInfo Method { get; }

    /// <summary>Where each of the method's parameters gets its value, in the method's order.</summary>
    public IReadOnlyList<ParameterBinding> Parameters { get; }

    /// <summary>The function as functions.metadata declares it: its entry point and every binding.</summary>
    public FunctionMetadata Metadata { get; internal set; } = null!;

    /// <summary>The trigger's name as the Functions host lists it: httpTrigger, queueTrigger or timerTrigger.</summary>
    public abstract string TriggerKind { get; }

    /// <summary>The method's full name, as problems and logs name it.</summary>
    public string MethodDisplayName => $"{FunctionType.FullName}.{Method.Name}";
}

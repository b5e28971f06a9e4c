namespace Observatory.LocalHost.Discovery;

/// <summary>
/// One function as functions.metadata declares it: the file the Worker SDK writes into the Function App's build output
/// and that the Functions host reads in Azure.
/// </summary>
/// <param name="Name">The function's name.</param>
/// <param name="ScriptFile">The assembly that holds the function, relative to the file.</param>
/// <param name="EntryPoint">The method that runs it: the full name of its class, a dot, and the method's name.</param>
/// <param name="Bindings">Its trigger and its other bindings, in the file's order.</param>
/// <param name="HasRetryPolicy">Whether the function declares a retry policy ("retry").</param>
public sealed record FunctionMetadata(string Name, string? ScriptFile, string? EntryPoint, IReadOnlyList<BindingMetadata> Bindings, bool HasRetryPolicy)
{
    /// <summary>The bindings whose type ends with "Trigger", as the Functions host tells triggers apart.</summary>
    public IEnumerable<BindingMetadata> Triggers => Bindings.Where(binding => binding.IsTrigger);
}

/// <summary>One binding of a function in functions.metadata, with the properties the local host serves.</summary>
/// <param name="Name">The binding's name: for a trigger, the name of the method parameter that receives it.</param>
/// <param name="Type">httpTrigger, http, queueTrigger, timerTrigger, or a type the local host does not serve.</param>
/// <param name="Direction">In or Out.</param>
public sealed record BindingMetadata(string? Name, string? Type, string? Direction)
{
    /// <summary>An HTTP trigger's route template, below the route prefix; null when it declares none.</summary>
    public string? Route { get; init; }

    /// <summary>An HTTP trigger's methods as written; null or empty when it accepts every method.</summary>
    public IReadOnlyList<string>? Methods { get; init; }

    /// <summary>An HTTP trigger's authorization level as written (Anonymous, Function, Admin).</summary>
    public string? AuthLevel { get; init; }

    /// <summary>A queue trigger's queue, possibly with %setting% expressions.</summary>
    public string? QueueName { get; init; }

    /// <summary>A queue trigger's connection setting; null for the default one.</summary>
    public string? Connection { get; init; }

    /// <summary>A timer trigger's schedule, possibly with %setting% expressions.</summary>
    public string? Schedule { get; init; }

    /// <summary>Whether a timer also runs when the host starts; null when the file does not say.</summary>
    public bool? RunOnStartup { get; init; }

    /// <summary>Whether a timer's schedule status is kept; null when the file does not say (the host then decides).</summary>
    public bool? UseMonitor { get; init; }

    /// <summary>Whether this is the function's trigger: the host takes every type ending with "Trigger" for one.</summary>
    public bool IsTrigger => Type?.EndsWith("trigger", StringComparison.OrdinalIgnoreCase) == true;
}

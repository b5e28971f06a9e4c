using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.LocalHost.Invocation;

/// <summary>
/// A function's <see cref="FunctionDefinition"/> as the worker builds it from functions.metadata: its name, its entry
/// point ("Namespace.Class.Method"), its assembly's path, its parameters and its trigger as the input binding (type
/// "httpTrigger", "queueTrigger" or "timerTrigger"); an HTTP function's return value is its "http" output binding.
/// </summary>
public sealed class LocalFunctionDefinition : FunctionDefinition
{
    private static readonly ConcurrentDictionary<MethodInfo, LocalFunctionDefinition> Known = new();

    private LocalFunctionDefinition(string name, MethodInfo method)
    {
        Name = name;
        EntryPoint = $"{method.DeclaringType!.FullName}.{method.Name}";
        PathToAssembly = method.DeclaringType.Assembly.Location;
        // Stable across runs, as the host's id of a function is for one deployment.
        Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(EntryPoint)))[..32];
        Parameters = [.. method.GetParameters().Select(parameter => new FunctionParameter(parameter.Name!, parameter.ParameterType))];

        var trigger = method.GetParameters()
            .Select(parameter => (parameter.Name, Attribute: parameter.GetCustomAttributes().FirstOrDefault(IsTrigger)))
            .FirstOrDefault(candidate => candidate.Attribute is not null);
        var inputs = ImmutableDictionary.CreateBuilder<string, BindingMetadata>();
        var outputs = ImmutableDictionary.CreateBuilder<string, BindingMetadata>();
        if (trigger.Attribute is { } attribute)
        {
            var type = BindingType(attribute);
            inputs.Add(trigger.Name!, new Binding(trigger.Name!, type, BindingDirection.In));
            if (type == "httpTrigger")
                outputs.Add("$return", new Binding("$return", "http", BindingDirection.Out));
        }
        InputBindings = inputs.ToImmutable();
        OutputBindings = outputs.ToImmutable();
    }

    /// <summary>The definition of the function <paramref name="name"/> that runs <paramref name="method"/>; one per method.</summary>
    public static LocalFunctionDefinition For(string name, MethodInfo method) =>
        Known.GetOrAdd(method, static (key, functionName) => new LocalFunctionDefinition(functionName, key), name);

    /// <inheritdoc />
    public override ImmutableArray<FunctionParameter> Parameters { get; }

    /// <inheritdoc />
    public override string PathToAssembly { get; }

    /// <inheritdoc />
    public override string EntryPoint { get; }

    /// <inheritdoc />
    public override string Id { get; }

    /// <inheritdoc />
    public override string Name { get; }

    /// <inheritdoc />
    public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; }

    /// <inheritdoc />
    public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; }

    private static bool IsTrigger(Attribute attribute) => attribute.GetType().Name.EndsWith("TriggerAttribute", StringComparison.Ordinal);

    // HttpTriggerAttribute -> httpTrigger, as functions.metadata names the binding.
    private static string BindingType(Attribute attribute)
    {
        var name = attribute.GetType().Name[..^"Attribute".Length];
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private sealed class Binding(string name, string type, BindingDirection direction) : BindingMetadata
    {
        public override string Name { get; } = name;

        public override string Type { get; } = type;

        public override BindingDirection Direction { get; } = direction;
    }
}

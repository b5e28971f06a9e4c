using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Observatory.LocalHost.Discovery;

/// <summary>
/// The functions of a Function App as its functions.metadata declares them (the file the Worker SDK writes into the
/// build output and the Functions host reads in Azure): names, triggers, routes, methods, queues, connections and
/// schedules come from the file, and each function's entry point names the method that runs it. Reflection on that
/// method only decides how its parameters are bound. Refused, with every problem listed: whatever the Functions host
/// refuses (<see cref="FunctionsHostRules"/>), and what the local host cannot serve — a binding other than its three
/// triggers and the HTTP response, a class with more than one function, a method or parameter it cannot bind.
/// </summary>
public sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<FunctionDescriptor> functions) => Functions = functions;

    /// <summary>Every function, ordered by name.</summary>
    public IReadOnlyList<FunctionDescriptor> Functions { get; }

    /// <summary>The HTTP-triggered functions.</summary>
    public IEnumerable<HttpFunction> HttpFunctions => Functions.OfType<HttpFunction>();

    /// <summary>The queue-triggered functions.</summary>
    public IEnumerable<QueueFunction> QueueFunctions => Functions.OfType<QueueFunction>();

    /// <summary>The timer-triggered functions.</summary>
    public IEnumerable<TimerFunction> TimerFunctions => Functions.OfType<TimerFunction>();

    /// <summary>Indexes the functions that the functions.metadata beside <paramref name="assembly"/> declares.</summary>
    /// <param name="assembly">The Function App's assembly.</param>
    /// <param name="configuration">Resolves %setting% expressions and storage connections.</param>
    /// <param name="routePrefix">The HTTP route prefix from host.json, without slashes.</param>
    /// <param name="includeType">When given, only the functions of the classes it accepts are indexed.</param>
    /// <exception cref="LocalHostStartupException">
    /// functions.metadata is missing or unreadable, or some function is refused; the message lists every problem.
    /// </exception>
    public static FunctionCatalog Discover(Assembly assembly, IConfiguration configuration, string routePrefix, Func<Type, bool>? includeType = null) =>
        Discover(FunctionsMetadataFile.BesideAssembly(assembly.Location), assembly, configuration, routePrefix, includeType);

    /// <summary>Indexes the functions that <paramref name="metadataPath"/> declares, served from <paramref name="assembly"/>.</summary>
    /// <param name="metadataPath">The functions.metadata file.</param>
    /// <param name="assembly">The Function App's assembly; a scriptFile naming another is loaded by name, as the worker does.</param>
    /// <param name="configuration">Resolves %setting% expressions and storage connections.</param>
    /// <param name="routePrefix">The HTTP route prefix from host.json, without slashes.</param>
    /// <param name="includeType">When given, only the functions of the classes it accepts are indexed.</param>
    /// <exception cref="LocalHostStartupException">
    /// The file is missing or unreadable, or some function is refused; the message lists every problem.
    /// </exception>
    public static FunctionCatalog Discover(string metadataPath, Assembly assembly, IConfiguration configuration, string routePrefix,
        Func<Type, bool>? includeType = null)
    {
        var declared = FunctionsMetadataFile.Read(metadataPath);
        var problems = new IndexingProblems();
        var served = new List<(FunctionMetadata Function, MethodInfo? Method)>();
        foreach (var function in declared)
        {
            var method = EntryPoints.Resolve(function, assembly, problems, out var type);
            if (type is null || includeType is null || includeType(type))
                served.Add((function, method));
        }

        FunctionsHostRules.CheckApp(served.Select(pair => pair.Function).ToArray(), problems);
        var classes = served.Where(pair => pair.Method is not null)
            .GroupBy(pair => pair.Method!.DeclaringType!)
            .ToDictionary(group => group.Key, group => CheckClass(group.Key, group.Select(pair => pair.Method!).Distinct().ToArray(), problems));

        var functions = new List<FunctionDescriptor>();
        foreach (var (function, method) in served)
        {
            var bindable = FunctionsHostRules.CheckFunction(function, problems);
            if (bindable && method is not null && classes[method.DeclaringType!]
                && Index(function, method, configuration, routePrefix, problems) is { } descriptor)
                functions.Add(descriptor);
        }

        problems.ThrowIfAny();
        return new FunctionCatalog(functions.OrderBy(function => function.Name, StringComparer.OrdinalIgnoreCase).ToArray());
    }

    /// <summary>
    /// Checks that the container can create every function class, so that a missing registration fails the start
    /// rather than the first invocation.
    /// </summary>
    /// <param name="services">Tells which services the built container can resolve.</param>
    /// <exception cref="LocalHostStartupException">Some function class has no constructor the container can satisfy.</exception>
    public void CheckActivation(IServiceProviderIsService services)
    {
        var problems = new IndexingProblems();
        foreach (var type in Functions.Select(function => function.FunctionType).Distinct())
        {
            var constructors = type.GetConstructors();
            var satisfiable = constructors.Any(constructor => constructor.GetParameters()
                .All(parameter => parameter.HasDefaultValue || services.IsService(parameter.ParameterType)));
            if (constructors.Length == 0)
                problems.Add(type, "the class has no public constructor.");
            else if (!satisfiable)
            {
                var missing = constructors.SelectMany(constructor => constructor.GetParameters())
                    .Where(parameter => !parameter.HasDefaultValue && !services.IsService(parameter.ParameterType))
                    .Select(parameter => parameter.ParameterType.Name)
                    .Distinct();
                problems.Add(type, $"no constructor can be satisfied from the container; not registered: {string.Join(", ", missing)}. Register them in AddObservatory.");
            }
        }
        problems.ThrowIfAny();
    }

    private static bool CheckClass(Type type, MethodInfo[] methods, IndexingProblems problems)
    {
        var valid = true;
        if (!type.IsVisible)
        {
            problems.Add(type, "a class with functions must be public.");
            valid = false;
        }
        if (type.IsAbstract || type.IsInterface || type.ContainsGenericParameters)
        {
            problems.Add(type, "a class with functions must be a concrete, non-static, non-generic class, so that each invocation can create it.");
            valid = false;
        }
        if (methods.Length > 1)
        {
            problems.Add(type, $"declares {methods.Length} functions ({string.Join(", ", methods.Select(method => method.Name))}); each function has a class of its own.");
            valid = false;
        }
        return valid;
    }

    private static FunctionDescriptor? Index(FunctionMetadata function, MethodInfo method, IConfiguration configuration, string routePrefix,
        IndexingProblems problems)
    {
        var name = function.Name;
        if (!FunctionMethodRules.Check(method, name, problems))
            return null;

        // The binding's name is the name of the parameter it reaches, as the worker binds it.
        var binding = function.Triggers.Single();
        var trigger = method.GetParameters().FirstOrDefault(parameter => parameter.Name == binding.Name);
        if (trigger is null)
        {
            problems.Add(method, name, $"has no parameter named '{binding.Name}', which its {binding.Type} binding names; rebuild the Function App so that functions.metadata matches its code.");
            return null;
        }

        FunctionDescriptor? descriptor = binding.Type!.ToLowerInvariant() switch
        {
            "httptrigger" => HttpTriggerIndexer.Index(method, function, trigger, binding, routePrefix, problems),
            "queuetrigger" => QueueTriggerIndexer.Index(method, name, trigger, binding, configuration, problems),
            _ => TimerTriggerIndexer.Index(method, name, trigger, binding, configuration, problems),
        };
        if (descriptor is not null)
            descriptor.Metadata = function;
        return descriptor;
    }
}

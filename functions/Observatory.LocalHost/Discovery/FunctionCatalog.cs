using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Observatory.LocalHost.Discovery;

/// <summary>
/// The functions of a Function App, found by reflection from its <c>[Function]</c> methods and trigger attributes, and
/// checked against the conventions the local host serves: one public class per function, a public instance method,
/// exactly one HTTP, queue or timer trigger, and only the parameters and results those triggers define.
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

    /// <summary>Indexes the functions of <paramref name="assembly"/>.</summary>
    /// <param name="assembly">The Function App's assembly.</param>
    /// <param name="configuration">Resolves %setting% expressions and storage connections.</param>
    /// <param name="routePrefix">The HTTP route prefix from host.json, without slashes.</param>
    /// <param name="includeType">When given, only the classes it accepts are indexed.</param>
    /// <exception cref="LocalHostStartupException">Some function breaks the conventions; the message lists them all.</exception>
    public static FunctionCatalog Discover(Assembly assembly, IConfiguration configuration, string routePrefix, Func<Type, bool>? includeType = null)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            throw new LocalHostStartupException(
                [$"the types of {assembly.GetName().Name} cannot be loaded: {string.Join("; ", ex.LoaderExceptions.Select(e => e?.Message).Distinct())}"]);
        }
        return Discover(includeType is null ? types : types.Where(includeType), configuration, routePrefix);
    }

    /// <summary>Indexes the functions declared by <paramref name="types"/>.</summary>
    /// <param name="types">The classes to look for <c>[Function]</c> methods in.</param>
    /// <param name="configuration">Resolves %setting% expressions and storage connections.</param>
    /// <param name="routePrefix">The HTTP route prefix from host.json, without slashes.</param>
    /// <exception cref="LocalHostStartupException">Some function breaks the conventions; the message lists them all.</exception>
    public static FunctionCatalog Discover(IEnumerable<Type> types, IConfiguration configuration, string routePrefix)
    {
        var problems = new IndexingProblems();
        var functions = new List<FunctionDescriptor>();
        foreach (var type in types.OrderBy(type => type.FullName, StringComparer.Ordinal))
        {
            var methods = type
                .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
                .OrderBy(method => method.Name, StringComparer.Ordinal)
                .ToArray();
            if (methods.Length == 0)
                continue;

            if (!CheckClass(type, methods, problems))
                continue;
            foreach (var method in methods)
            {
                if (IndexMethod(method, configuration, routePrefix, problems) is { } function)
                    functions.Add(function);
            }
        }

        CheckUniqueNames(functions, problems);
        CheckUniqueRoutes(functions.OfType<HttpFunction>(), problems);
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

    private static FunctionDescriptor? IndexMethod(MethodInfo method, IConfiguration configuration, string routePrefix, IndexingProblems problems)
    {
        var name = method.GetCustomAttribute<FunctionAttribute>()!.Name;
        if (!FunctionMethodRules.Check(method, name, problems))
            return null;

        var triggers = method.GetParameters()
            .Select(parameter => (Parameter: parameter, Attribute: parameter.GetCustomAttribute<TriggerBindingAttribute>()))
            .Where(pair => pair.Attribute is not null)
            .ToArray();
        if (triggers.Length != 1)
        {
            problems.Add(method, name, triggers.Length == 0
                ? "has no trigger parameter; mark one parameter [HttpTrigger], [QueueTrigger] or [TimerTrigger]."
                : $"has {triggers.Length} trigger parameters; a function has exactly one.");
            return null;
        }

        var (trigger, attribute) = triggers[0];
        switch (attribute)
        {
            case HttpTriggerAttribute http:
                return HttpTriggerIndexer.Index(method, name, trigger, http, routePrefix, problems);
            case QueueTriggerAttribute queue:
                return QueueTriggerIndexer.Index(method, name, trigger, queue, configuration, problems);
            case TimerTriggerAttribute timer:
                return TimerTriggerIndexer.Index(method, name, trigger, timer, configuration, problems);
            default:
                problems.Add(method, name, $"the trigger {attribute!.GetType().Name} is not served by the local host; it serves HTTP, queue and timer triggers.");
                return null;
        }
    }

    // Function names are case-insensitive in Functions, as their routes and logs are.
    private static void CheckUniqueNames(IEnumerable<FunctionDescriptor> functions, IndexingProblems problems)
    {
        foreach (var group in functions.GroupBy(function => function.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            foreach (var function in group)
                problems.Add(function.Method, function.Name, $"the function name is also used by {string.Join(", ", group.Where(other => other != function).Select(other => other.MethodDisplayName))}.");
        }
    }

    private static void CheckUniqueRoutes(IEnumerable<HttpFunction> functions, IndexingProblems problems)
    {
        var all = functions.ToArray();
        for (var i = 0; i < all.Length; i++)
        {
            for (var j = i + 1; j < all.Length; j++)
            {
                var (first, second) = (all[i], all[j]);
                var sameRoute = string.Equals(first.Route, second.Route, StringComparison.OrdinalIgnoreCase);
                var sharedMethod = first.HttpMethods is null || second.HttpMethods is null
                    || first.HttpMethods.Intersect(second.HttpMethods).Any();
                if (sameRoute && sharedMethod)
                    problems.Add(second.Method, second.Name, $"the route '{second.Route}' is also served by function '{first.Name}' for the same HTTP method.");
            }
        }
    }
}

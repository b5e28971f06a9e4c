using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Observatory.Functions.Middleware;

/// <summary>Finds the <see cref="CallerRequirementAttribute"/> of a function from its entry point, as the worker names it.</summary>
public static class CallerRequirements
{
    private static readonly ConcurrentDictionary<string, CallerRequirementAttribute?> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// The requirement declared on the method named by <paramref name="definition"/>'s entry point
    /// ("Namespace.Class.Method"), or null when it declares none or the method cannot be found.
    /// </summary>
    public static CallerRequirementAttribute? Of(FunctionDefinition definition) =>
        Cache.GetOrAdd(definition.EntryPoint, static (entryPoint, assembly) => Find(assembly, entryPoint), typeof(CallerRequirements).Assembly);

    /// <summary>
    /// Refuses an app in which an HTTP function declares no requirement, or more than one, naming each such function.
    /// </summary>
    /// <exception cref="InvalidOperationException">Some HTTP function has no requirement, or several.</exception>
    public static void Check(Assembly functions)
    {
        var wrong = HttpFunctionMethods(functions)
            .Where(method => method.GetCustomAttributes<CallerRequirementAttribute>().Count() != 1)
            .Select(method => $"{method.DeclaringType!.FullName}.{method.Name}")
            .ToList();
        if (wrong.Count > 0)
            throw new InvalidOperationException(
                "Each HTTP function must declare who may call it with exactly one of [Anonymous], [RequireCaller] or [RequireStaff]: " + string.Join(", ", wrong) + ".");
    }

    /// <summary>The methods of <paramref name="functions"/> with [Function] and an [HttpTrigger] parameter.</summary>
    public static IEnumerable<MethodInfo> HttpFunctionMethods(Assembly functions) =>
        functions.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null
                && method.GetParameters().Any(parameter => parameter.GetCustomAttribute<HttpTriggerAttribute>() is not null));

    private static CallerRequirementAttribute? Find(Assembly assembly, string entryPoint)
    {
        var dot = entryPoint.LastIndexOf('.');
        if (dot <= 0) return null;
        var method = assembly.GetType(entryPoint[..dot])?.GetMethod(entryPoint[(dot + 1)..], BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static);
        return method?.GetCustomAttribute<CallerRequirementAttribute>();
    }
}

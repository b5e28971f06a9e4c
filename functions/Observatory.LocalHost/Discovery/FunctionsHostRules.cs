using System.Text.RegularExpressions;

namespace Observatory.LocalHost.Discovery;

/// <summary>
/// What the Functions host refuses in functions.metadata, checked the way it checks it (Azure/azure-functions-host:
/// Utility.IsValidFunctionName and ValidateBinding, FunctionDescriptorProvider.ValidateFunction,
/// ScriptHost.ValidateHttpFunction and HttpRoutesConflict), plus the binding types the local host serves. The host
/// puts such a function in error and serves the others; the local host refuses to start, so the mistake shows at once.
/// </summary>
internal static partial class FunctionsHostRules
{
    /// <summary>The binding types the local host serves: its three triggers and the HTTP response.</summary>
    public static readonly IReadOnlySet<string> ServedBindingTypes =
        new HashSet<string>(["httpTrigger", "http", "queueTrigger", "timerTrigger"], StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Checks one function's name and bindings; false when it cannot be indexed further (no single trigger of a type
    /// the local host serves).
    /// </summary>
    public static bool CheckFunction(FunctionMetadata function, IndexingProblems problems)
    {
        var valid = true;
        void Fail(string problem)
        {
            problems.Add(function, problem);
            valid = false;
        }

        if (!FunctionName().IsMatch(function.Name))
            Fail($"'{function.Name}' is not a valid function name: it starts with a letter, holds at most 128 letters, digits, '_' and '-', and is not 'host'.");
        if (function.Bindings.Count == 0)
            Fail("declares no binding; a function has a trigger.");
        if (function.HasRetryPolicy)
            Fail("declares a retry policy, which the local host does not emulate; queue messages are retried by host.json's maxDequeueCount.");

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var binding in function.Bindings)
        {
            if (binding.Name is null || !BindingName().IsMatch(binding.Name))
                Fail($"the binding name '{binding.Name}' is invalid: a letter followed by at most 127 letters and digits, or $return.");
            else if (!names.Add(binding.Name))
                Fail($"has two bindings named '{binding.Name}'; binding names are unique.");
            if (string.IsNullOrWhiteSpace(binding.Type))
                Fail($"the binding '{binding.Name}' has no type.");
            else if (!ServedBindingTypes.Contains(binding.Type))
                Fail($"unknown binding type '{binding.Type}' (binding '{binding.Name}'); the local host serves httpTrigger with its http response, queueTrigger and timerTrigger, and no other input or output binding.");
        }

        var triggers = function.Triggers.Count();
        if (triggers != 1)
            Fail(triggers == 0 ? "has no trigger binding; a function has exactly one." : $"has {triggers} trigger bindings; a function has exactly one.");
        return valid;
    }

    /// <summary>Checks what concerns several functions: unique names and HTTP routes.</summary>
    public static void CheckApp(IReadOnlyList<FunctionMetadata> functions, IndexingProblems problems)
    {
        // Function names are case-insensitive in Functions, as their routes and logs are.
        foreach (var group in functions.GroupBy(function => function.Name, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
        {
            foreach (var function in group.Skip(1))
                problems.Add(function, $"the function name '{function.Name}' is also used by {group.First().EntryPoint}; function names are unique within the Function App.");
        }

        var http = functions
            .Select(function => (Function: function, Trigger: function.Triggers.FirstOrDefault()))
            .Where(pair => string.Equals(pair.Trigger?.Type, "httpTrigger", StringComparison.OrdinalIgnoreCase))
            .Select(pair => (pair.Function, Route: RouteOf(pair.Function, pair.Trigger!), Methods: MethodsOf(pair.Trigger!)))
            .ToArray();
        for (var i = 0; i < http.Length; i++)
        {
            if (ReservedRoute(http[i].Route) is { } reserved)
                problems.Add(http[i].Function, $"the route '{http[i].Route}' begins with '{reserved}', which the Functions host reserves for its own APIs whatever the route prefix (\"The specified route conflicts with one or more built in routes\").");
            for (var j = 0; j < i; j++)
            {
                if (RoutesConflict(http[j].Route, http[j].Methods, http[i].Route, http[i].Methods))
                    problems.Add(http[i].Function, $"the route '{http[i].Route}' is also served by function '{http[j].Function.Name}' for the same HTTP method (\"The route specified conflicts with the route defined by function '{http[j].Function.Name}'\").");
            }
        }
    }

    /// <summary>The route template an HTTP trigger is served on, below the prefix: the function's name when it declares none.</summary>
    public static string RouteOf(FunctionMetadata function, BindingMetadata trigger) =>
        (string.IsNullOrWhiteSpace(trigger.Route) ? function.Name : trigger.Route).Trim().Trim('/');

    /// <summary>An HTTP trigger's methods, upper case and distinct; null when it accepts every method.</summary>
    public static IReadOnlyList<string>? MethodsOf(BindingMetadata trigger) =>
        trigger.Methods is { Count: > 0 } methods
            ? methods.Select(method => method.Trim().ToUpperInvariant()).Distinct().ToArray()
            : null;

    /// <summary>
    /// The reserved word <paramref name="route"/> begins with, or null. The Functions host keeps "admin" (its
    /// /admin API) and "runtime" for itself, and checks the function's route template, not the path: in
    /// ScriptHost.ValidateHttpFunction (Azure/azure-functions-host, src/WebJobs.Script/Host/ScriptHost.cs, unchanged
    /// from 2018 to the 2024 sources read) the route, trimmed of '/' and lower-cased, is refused when it
    /// <c>StartsWith("admin")</c> or <c>StartsWith("runtime")</c>. The route prefix of host.json is added later by the
    /// router, so "api" does not help: "admin/keys" is refused under /api as well, and so is "administration". The
    /// test is a plain prefix of the template's text, so a template that begins with a parameter
    /// ("{area:regex(^admin$)}/keys", as the Function App's staff routes do) passes, and serves /api/admin/keys.
    /// </summary>
    public static string? ReservedRoute(string route)
    {
        var text = route.Trim('/').ToLowerInvariant();
        return text.StartsWith("admin", StringComparison.Ordinal) ? "admin"
            : text.StartsWith("runtime", StringComparison.Ordinal) ? "runtime"
            : null;
    }

    // As ScriptHost.HttpRoutesConflict: the same template in any case, and a method in common (no methods is every method).
    private static bool RoutesConflict(string route, IReadOnlyList<string>? methods, string otherRoute, IReadOnlyList<string>? otherMethods) =>
        string.Equals(route, otherRoute, StringComparison.OrdinalIgnoreCase)
        && (methods is null || otherMethods is null || methods.Intersect(otherMethods).Any());

    // Utility.FunctionNameValidationRegex of the Functions host.
    [GeneratedRegex(@"^[a-z][a-z0-9_\-]{0,127}$(?<!^host$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FunctionName();

    // Utility.BindingNameValidationRegex of the Functions host.
    [GeneratedRegex(@"^([a-zA-Z][a-zA-Z0-9]{0,127}|\$return)$")]
    private static partial Regex BindingName();
}

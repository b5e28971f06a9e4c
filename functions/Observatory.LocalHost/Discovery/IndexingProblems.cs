using System.Reflection;

namespace Observatory.LocalHost.Discovery;

/// <summary>Collects what is wrong with functions.metadata and the function classes, so that start-up reports every problem at once.</summary>
internal sealed class IndexingProblems
{
    private readonly List<string> _problems = [];

    public bool Any => _problems.Count > 0;

    /// <summary>Records a problem of a class as a whole.</summary>
    public void Add(Type type, string problem) => _problems.Add($"{type.FullName}: {problem}");

    /// <summary>Records a problem of a function method, naming the method and, when known, the function.</summary>
    public void Add(MethodInfo method, string? functionName, string problem) =>
        _problems.Add($"{method.DeclaringType?.FullName}.{method.Name}{(functionName is null ? "" : $" (function '{functionName}')")}: {problem}");

    /// <summary>Records a problem of a function as functions.metadata declares it, naming it and its entry point.</summary>
    public void Add(FunctionMetadata function, string problem) =>
        _problems.Add($"function '{function.Name}'{(function.EntryPoint is null ? "" : $" ({function.EntryPoint})")}: {problem}");

    public void ThrowIfAny()
    {
        if (Any)
            throw new LocalHostStartupException(_problems.ToArray());
    }
}

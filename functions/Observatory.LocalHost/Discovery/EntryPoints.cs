using System.Reflection;

namespace Observatory.LocalHost.Discovery;

/// <summary>
/// Finds the method a function's entryPoint names ("Namespace.Class.Method") in the assembly its scriptFile names (the
/// Function App's, or one it references), as the worker does to invoke it.
/// </summary>
internal static class EntryPoints
{
    private const BindingFlags DeclaredMethods =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The method, or null (with the problem recorded) when the entry point names none, or several.</summary>
    /// <param name="function">The function as declared.</param>
    /// <param name="assembly">The Function App's assembly.</param>
    /// <param name="problems">Where a problem is recorded.</param>
    /// <param name="type">The class the entry point names, when it is found, even if the method is not.</param>
    public static MethodInfo? Resolve(FunctionMetadata function, Assembly assembly, IndexingProblems problems, out Type? type)
    {
        type = null;
        if (AssemblyOf(function, assembly, problems) is not { } scriptAssembly)
            return null;
        var assemblyFile = Path.GetFileName(scriptAssembly.Location);

        var entryPoint = function.EntryPoint ?? "";
        var dot = entryPoint.LastIndexOf('.');
        if (dot <= 0 || dot == entryPoint.Length - 1)
        {
            problems.Add(function, $"the entryPoint '{entryPoint}' is not a class's full name followed by a method's name.");
            return null;
        }

        // The SDK writes a nested class as Outer/Inner (its metadata reader's notation); reflection spells it Outer+Inner.
        var typeName = entryPoint[..dot].Replace('/', '+');
        var methodName = entryPoint[(dot + 1)..];
        type = scriptAssembly.GetType(typeName, throwOnError: false);
        if (type is null)
        {
            problems.Add(function, $"the class '{typeName}' of its entryPoint is not in {assemblyFile}; rebuild the Function App so that functions.metadata matches its code.");
            return null;
        }

        var methods = type.GetMethods(DeclaredMethods).Where(method => method.Name == methodName).ToArray();
        if (methods.Length == 1)
            return methods[0];
        problems.Add(function, methods.Length == 0
            ? $"the class {type.FullName} has no method '{methodName}'; rebuild the Function App so that functions.metadata matches its code."
            : $"the class {type.FullName} has {methods.Length} methods named '{methodName}'; an entry point names one method.");
        return null;
    }

    // The SDK also lists the functions of the assemblies the Function App references, each with its own scriptFile;
    // the worker loads that assembly, so the local host does too (it is among the app's dependencies).
    private static Assembly? AssemblyOf(FunctionMetadata function, Assembly appAssembly, IndexingProblems problems)
    {
        var scriptFile = function.ScriptFile is { Length: > 0 } file ? Path.GetFileName(file) : Path.GetFileName(appAssembly.Location);
        if (string.Equals(scriptFile, Path.GetFileName(appAssembly.Location), StringComparison.OrdinalIgnoreCase))
            return appAssembly;
        try
        {
            return Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(scriptFile)));
        }
        catch (Exception ex) when (ex is IOException or BadImageFormatException or ArgumentException)
        {
            problems.Add(function, $"its scriptFile '{function.ScriptFile}' cannot be loaded beside the Function App's assembly ({ex.Message}).");
            return null;
        }
    }
}

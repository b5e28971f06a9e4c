using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Observatory.LocalHost.Discovery;

/// <summary>The rules every function method follows whatever its trigger, and helpers the trigger indexers share.</summary>
internal static partial class FunctionMethodRules
{
    /// <summary>Checks the method's name, shape and bindings; false when it cannot be indexed further.</summary>
    public static bool Check(MethodInfo method, string name, IndexingProblems problems)
    {
        var valid = true;
        void Fail(string problem)
        {
            problems.Add(method, name, problem);
            valid = false;
        }

        if (!FunctionName().IsMatch(name))
            Fail("a function name must start with a letter and hold at most 128 letters, digits, '_' and '-'.");
        if (method.IsStatic)
            Fail("a function must be an instance method, so that each invocation gets a new instance from the container.");
        if (!method.IsPublic)
            Fail("a function method must be public.");
        if (method.IsGenericMethodDefinition)
            Fail("a function method cannot be generic.");
        if (method.GetCustomAttributes<BindingAttribute>().Any() || method.ReturnParameter.GetCustomAttributes<BindingAttribute>().Any())
            Fail("output bindings are not supported by the local host; write to storage through an injected client.");
        if (method.GetCustomAttributes().FirstOrDefault(attribute => attribute.GetType().Name.EndsWith("RetryAttribute", StringComparison.Ordinal)) is { } retry)
            Fail($"the retry policy {retry.GetType().Name} is not emulated by the local host; queue messages are retried by host.json's maxDequeueCount.");
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType.IsByRef)
                Fail($"parameter '{parameter.Name}' is passed by reference; function parameters are passed by value.");
            if (parameter.GetCustomAttributes<BindingAttribute>().Any(attribute => attribute is not TriggerBindingAttribute))
                Fail($"parameter '{parameter.Name}' has an input or output binding, which the local host does not support.");
        }
        return valid;
    }

    /// <summary>Whether the method is an <c>async void</c> method, whose completion cannot be awaited.</summary>
    public static bool IsAsyncVoid(MethodInfo method) =>
        method.ReturnType == typeof(void) && method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null;

    /// <summary>
    /// Binds a parameter that is not the trigger and that the trigger gives no meaning to: only a
    /// <see cref="CancellationToken"/> is accepted, once.
    /// </summary>
    public static ParameterBinding? BindCancellationToken(MethodInfo method, string name, ParameterInfo parameter,
        ref bool tokenBound, IndexingProblems problems)
    {
        if (parameter.ParameterType != typeof(CancellationToken))
            return null;
        if (tokenBound)
        {
            problems.Add(method, name, $"parameter '{parameter.Name}' is a second CancellationToken; a function takes at most one.");
            return null;
        }
        tokenBound = true;
        return new ParameterBinding(parameter, ParameterSource.CancellationToken);
    }

    /// <summary>Checks that a queue or timer function returns nothing to await or a <see cref="Task"/>.</summary>
    public static bool CheckReturnsVoidOrTask(MethodInfo method, string name, IndexingProblems problems)
    {
        if (IsAsyncVoid(method))
            problems.Add(method, name, "an async void method cannot be awaited, so its failures would be lost; return Task.");
        else if (method.ReturnType != typeof(void) && method.ReturnType != typeof(Task))
            problems.Add(method, name, $"returns {method.ReturnType.Name}; a queue or timer function returns void or Task (return values would be output bindings).");
        else
            return true;
        return false;
    }

    // The Functions host's rule for function names.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,127}$")]
    private static partial Regex FunctionName();
}

using System.Reflection;
using System.Runtime.CompilerServices;

namespace Observatory.LocalHost.Discovery;

/// <summary>The rules every function method follows whatever its trigger, and helpers the trigger indexers share.</summary>
internal static class FunctionMethodRules
{
    /// <summary>
    /// Checks the shape of the method an entry point names (its bindings are functions.metadata's); false when it
    /// cannot be indexed further.
    /// </summary>
    public static bool Check(MethodInfo method, string name, IndexingProblems problems)
    {
        var valid = true;
        void Fail(string problem)
        {
            problems.Add(method, name, problem);
            valid = false;
        }

        if (method.IsStatic)
            Fail("a function must be an instance method, so that each invocation gets a new instance from the container.");
        if (!method.IsPublic)
            Fail("a function method must be public.");
        if (method.IsGenericMethodDefinition)
            Fail("a function method cannot be generic.");
        foreach (var parameter in method.GetParameters())
        {
            if (parameter.ParameterType.IsByRef)
                Fail($"parameter '{parameter.Name}' is passed by reference; function parameters are passed by value.");
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
}

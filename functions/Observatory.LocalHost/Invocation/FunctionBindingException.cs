namespace Observatory.LocalHost.Invocation;

/// <summary>A trigger's value cannot be converted to a function parameter, so the invocation fails before it runs.</summary>
internal sealed class FunctionBindingException(string message) : Exception(message);

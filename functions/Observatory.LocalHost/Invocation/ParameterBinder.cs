using System.Globalization;
using Azure.Storage.Queues.Models;
using Observatory.LocalHost.Discovery;

namespace Observatory.LocalHost.Invocation;

/// <summary>Turns a trigger event into the arguments of a function method, as the worker's converters do.</summary>
internal static class ParameterBinder
{
    /// <exception cref="FunctionBindingException">A value cannot be converted to its parameter's type.</exception>
    public static object?[] Bind(FunctionDescriptor function, TriggerInput input) =>
        function.Parameters.Select(binding => binding.Source switch
        {
            ParameterSource.Trigger => ConvertTrigger(input.TriggerValue, binding.Parameter.ParameterType),
            ParameterSource.CancellationToken => input.CancellationToken,
            ParameterSource.RouteValue => ConvertRouteValue(binding, input.RouteValues),
            _ => throw new InvalidOperationException($"Unknown parameter source {binding.Source}."),
        }).ToArray();

    private static object ConvertTrigger(object value, Type target) => value switch
    {
        _ when target.IsInstanceOfType(value) => value,
        QueueMessage message when target == typeof(string) => message.Body.ToString(),
        QueueMessage message when target == typeof(BinaryData) => message.Body,
        _ => throw new FunctionBindingException($"A {value.GetType().Name} cannot be bound to a {target.Name} parameter."),
    };

    private static object? ConvertRouteValue(ParameterBinding binding, IReadOnlyDictionary<string, object?>? routeValues)
    {
        object? value = null;
        routeValues?.TryGetValue(binding.Name, out value);
        var text = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
        var target = binding.Parameter.ParameterType;
        var underlying = Nullable.GetUnderlyingType(target);

        if (target == typeof(string))
            return text;
        if (string.IsNullOrEmpty(text))
        {
            return underlying is not null
                ? null
                : throw new FunctionBindingException($"The route has no value for '{binding.Name}', which is a {target.Name}.");
        }

        var type = underlying ?? target;
        object? converted =
            type == typeof(int) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number
            : type == typeof(long) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var longNumber) ? longNumber
            : type == typeof(Guid) && Guid.TryParse(text, out var guid) ? guid
            : null;
        return converted ?? throw new FunctionBindingException($"The route value '{text}' of '{binding.Name}' cannot be converted to {type.Name}.");
    }
}

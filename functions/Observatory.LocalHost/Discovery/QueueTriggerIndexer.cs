using System.Reflection;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Configuration;
using Observatory.Storage;

namespace Observatory.LocalHost.Discovery;

/// <summary>
/// Indexes a queue-triggered function from its queueTrigger binding (queue name, connection) and its method: a string, <see cref="BinaryData"/> or <see cref="QueueMessage"/> trigger
/// parameter, an optional cancellation token, and nothing or a <see cref="Task"/> as result.
/// </summary>
internal static class QueueTriggerIndexer
{
    /// <summary>The connection setting the Functions host uses when the binding names none.</summary>
    public const string DefaultConnectionName = "AzureWebJobsStorage";

    private static readonly Type[] MessageTypes = [typeof(string), typeof(BinaryData), typeof(QueueMessage)];

    public static QueueFunction? Index(MethodInfo method, string name, ParameterInfo trigger, BindingMetadata binding,
        IConfiguration configuration, IndexingProblems problems)
    {
        var valid = true;
        void Fail(string problem)
        {
            problems.Add(method, name, problem);
            valid = false;
        }

        if (!MessageTypes.Contains(trigger.ParameterType))
            Fail($"the queue trigger parameter '{trigger.Name}' is a {trigger.ParameterType.Name}; it must be string, BinaryData or QueueMessage.");

        var bindings = new List<ParameterBinding>();
        var tokenBound = false;
        foreach (var parameter in method.GetParameters())
        {
            if (parameter == trigger)
                bindings.Add(new ParameterBinding(parameter, ParameterSource.Trigger));
            else if (FunctionMethodRules.BindCancellationToken(method, name, parameter, ref tokenBound, problems) is { } token)
                bindings.Add(token);
            else if (parameter.ParameterType == typeof(CancellationToken))
                valid = false;
            else
                Fail($"parameter '{parameter.Name}' cannot be bound; besides the message, a queue function takes only a CancellationToken.");
        }

        if (!FunctionMethodRules.CheckReturnsVoidOrTask(method, name, problems))
            valid = false;

        string? queueName = null;
        try
        {
            // The Functions host lower-cases queue names, as queue names are lower case.
            queueName = SettingExpression.Resolve(binding.QueueName ?? "", configuration).Trim().ToLowerInvariant();
            if ((QueueNameRules.Problem(queueName) ?? QueueNameRules.Problem(QueueFunction.PoisonQueueNameFor(queueName))) is { } problem)
                Fail(problem);
        }
        catch (InvalidOperationException ex)
        {
            Fail(ex.Message);
        }

        var connectionName = string.IsNullOrWhiteSpace(binding.Connection) ? DefaultConnectionName : binding.Connection;
        StorageConnection? connection = null;
        try
        {
            connection = StorageConnection.FromConfiguration(configuration, connectionName);
        }
        catch (InvalidOperationException ex)
        {
            Fail(ex.Message);
        }

        return valid && queueName is not null && connection is not null
            ? new QueueFunction(name, method, bindings, queueName, connectionName, connection)
            : null;
    }
}

using System.Reflection;
using Observatory.Storage;

namespace Observatory.LocalHost.Discovery;

/// <summary>A function triggered by the messages of a storage queue.</summary>
public sealed class QueueFunction : FunctionDescriptor
{
    internal QueueFunction(string name, MethodInfo method, IReadOnlyList<ParameterBinding> parameters,
        string queueName, string connectionName, StorageConnection connection)
        : base(name, method, parameters)
    {
        QueueName = queueName;
        ConnectionName = connectionName;
        Connection = connection;
    }

    /// <inheritdoc />
    public override string TriggerKind => "queueTrigger";

    /// <summary>The queue's name, with %setting% expressions resolved and lower-cased as the Functions host does.</summary>
    public string QueueName { get; }

    /// <summary>The queue that failed messages are moved to: the queue's name followed by "-poison".</summary>
    public string PoisonQueueName => PoisonQueueNameFor(QueueName);

    /// <summary>The name of the connection setting (AzureWebJobsStorage when the attribute names none).</summary>
    public string ConnectionName { get; }

    /// <summary>The storage account the queue is in.</summary>
    public StorageConnection Connection { get; }

    internal static string PoisonQueueNameFor(string queueName) => queueName + "-poison";
}

using Observatory.Core.Ports;

namespace Observatory.Core.Tests.InMemory;

/// <summary>The submissions queue in memory; <see cref="Failing"/> makes every enqueue throw, as a queue that is down.</summary>
internal sealed class MemoryWorkQueue : IWorkQueue
{
    private readonly Lock _lock = new();
    private readonly Queue<string> _messages = new();

    /// <summary>True while the queue is down.</summary>
    public bool Failing { get; set; }

    /// <summary>The messages waiting, oldest first.</summary>
    public IReadOnlyList<string> Messages { get { lock (_lock) return [.. _messages]; } }

    public Task EnqueueSubmissionAsync(string submissionId, CancellationToken cancellationToken)
    {
        if (Failing) throw new IOException("The queue is unavailable.");
        lock (_lock) _messages.Enqueue(submissionId);
        return Task.CompletedTask;
    }

    /// <summary>Takes the oldest message, or null when none waits.</summary>
    public string? Dequeue()
    {
        lock (_lock) return _messages.TryDequeue(out var id) ? id : null;
    }
}

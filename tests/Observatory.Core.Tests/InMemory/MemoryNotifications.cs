using Observatory.Core.Notifications;
using Observatory.Core.Ports;

namespace Observatory.Core.Tests.InMemory;

/// <summary>The notification outbox and queue in memory: what would be mailed, and what is still owed to the queue.</summary>
internal sealed class MemoryNotifications : INotificationLedger, INotificationQueue
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (NotificationMessage Message, DateTimeOffset At)> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _sent = new(StringComparer.Ordinal);
    private readonly List<NotificationMessage> _queued = [];

    /// <summary>The notifications queued, oldest first.</summary>
    public IReadOnlyList<NotificationMessage> Queued { get { lock (_lock) return [.. _queued]; } }

    public Task AddPendingAsync(NotificationMessage message, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock) _pending.TryAdd(message.Id, (message, at));
        return Task.CompletedTask;
    }

    public Task RemovePendingAsync(string notificationId, CancellationToken cancellationToken)
    {
        lock (_lock) _pending.Remove(notificationId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<NotificationMessage>> ListPendingAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlyList<NotificationMessage>>([.. _pending.Values.Where(p => p.At < before).Select(p => p.Message)]);
    }

    public Task<IReadOnlySet<string>> SentToAsync(string notificationId, CancellationToken cancellationToken)
    {
        lock (_lock) return Task.FromResult<IReadOnlySet<string>>(_sent.TryGetValue(notificationId, out var keys) ? new HashSet<string>(keys) : new HashSet<string>());
    }

    public Task MarkSentAsync(string notificationId, string recipientKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_sent.TryGetValue(notificationId, out var keys)) _sent[notificationId] = keys = new(StringComparer.Ordinal);
            keys.Add(recipientKey);
        }
        return Task.CompletedTask;
    }

    public Task EnqueueAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        lock (_lock) _queued.Add(message);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PoisonedNotification>> PeekPoisonedAsync(int max, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PoisonedNotification>>([]);
}

using Observatory.Core.Notifications;
using Observatory.Core.Ports;

namespace Observatory.Core.Tests.InMemory;

/// <summary>The notifications queue and the sent markers in memory: what would be mailed.</summary>
internal sealed class MemoryNotifications : INotificationLedger, INotificationQueue
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, HashSet<string>> _sent = new(StringComparer.Ordinal);
    private readonly List<NotificationMessage> _queued = [];

    /// <summary>The notifications queued, oldest first.</summary>
    public IReadOnlyList<NotificationMessage> Queued { get { lock (_lock) return [.. _queued]; } }

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

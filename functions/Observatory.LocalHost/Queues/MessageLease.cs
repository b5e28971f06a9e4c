using Azure.Storage.Queues;
using Microsoft.Extensions.Logging;

namespace Observatory.LocalHost.Queues;

/// <summary>
/// Keeps a message invisible while its function runs: the message was received invisible for the lease's duration,
/// and the lease extends that at every half of it, as the Functions host does for long invocations. The halves are
/// counted on the host's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class MessageLease
{
    /// <summary>Event id of the log entry written after each extension of the lease.</summary>
    public static readonly EventId RenewedEvent = new(3003, "MessageLeaseRenewed");

    private readonly QueueClient _queue;
    private readonly string _messageId;
    private readonly TimeSpan _duration;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;
    private string _popReceipt;

    private MessageLease(QueueClient queue, string messageId, string popReceipt, TimeSpan duration, TimeProvider clock, ILogger logger)
    {
        _clock = clock;
        _queue = queue;
        _messageId = messageId;
        _popReceipt = popReceipt;
        _duration = duration;
        _logger = logger;
        _renewals = RenewAsync();
    }

    /// <summary>Starts extending the invisibility of the message received with <paramref name="popReceipt"/>.</summary>
    public static MessageLease Start(QueueClient queue, string messageId, string popReceipt, TimeSpan duration, TimeProvider clock, ILogger logger) =>
        new(queue, messageId, popReceipt, duration, clock, logger);

    /// <summary>Stops extending the lease.</summary>
    /// <returns>The pop receipt that deletes or updates the message now.</returns>
    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        await _renewals;
        _stop.Dispose();
        return _popReceipt;
    }

    private async Task RenewAsync()
    {
        while (true)
        {
            try
            {
                await Task.Delay(_duration / 2, _clock, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                // Not cancellable: an update that the service applied but whose answer was dropped would leave the
                // message with a pop receipt nobody knows.
                var receipt = await _queue.UpdateMessageAsync(_messageId, _popReceipt, visibilityTimeout: _duration, cancellationToken: CancellationToken.None);
                _popReceipt = receipt.Value.PopReceipt;
                _logger.LogDebug(RenewedEvent, "The invisibility of message {MessageId} on queue '{Queue}' is extended by {Duration}.", _messageId, _queue.Name, _duration);
            }
            catch (Exception ex)
            {
                _logger.LogWarning(ex, "The invisibility of message {MessageId} on queue '{Queue}' could not be extended; it may be delivered again.",
                    _messageId, _queue.Name);
                return;
            }
        }
    }
}

using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Observatory.LocalHost.Configuration;
using Observatory.LocalHost.Discovery;
using Observatory.LocalHost.Invocation;

namespace Observatory.LocalHost.Queues;

/// <summary>
/// Listens to the queue of one queue-triggered function with host.json's semantics: batches of batchSize received
/// invisible for the message lease, a new batch once no more than newBatchThreshold are still running, exponential
/// back-off up to maxPollingInterval while the queue is empty, deletion on success, visibility again after
/// visibilityTimeout on failure, and the move to "&lt;queue&gt;-poison" once a message has failed maxDequeueCount times.
/// Its waits are counted on the host's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class QueueTriggerListener : BackgroundService
{
    /// <summary>Event id of the log entry written after each empty poll, with the wait before the next one.</summary>
    public static readonly EventId EmptyPollEvent = new(3001, "QueueEmpty");

    /// <summary>Event id of the log entry written when more than newBatchThreshold messages run and no batch is received.</summary>
    public static readonly EventId AtThresholdEvent = new(3002, "QueueAboveNewBatchThreshold");

    private readonly QueueFunction _function;
    private readonly QueueTriggerSettings _settings;
    private readonly TimeSpan _messageLease;
    private readonly FunctionInvoker _invoker;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly QueueClient _queue;
    private readonly QueueClient _poisonQueue;
    private readonly PollingBackoff _backoff;

    public QueueTriggerListener(QueueFunction function, QueueTriggerSettings settings, TimeSpan messageLease, FunctionInvoker invoker,
        TimeProvider clock, ILoggerFactory loggers)
    {
        _clock = clock;
        _function = function;
        _settings = settings;
        _messageLease = messageLease;
        _invoker = invoker;
        _logger = loggers.CreateLogger($"Host.Triggers.Queue.{function.Name}");
        // Messages are read and copied as raw text; decoding is done here so that undecodable ones can be handled.
        var service = function.Connection.CreateQueueServiceClient(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        _queue = service.GetQueueClient(function.QueueName);
        _poisonQueue = service.GetQueueClient(function.PoisonQueueName);
        _backoff = new PollingBackoff(QueueTriggerSettings.MinPollingInterval, settings.MaxPollingInterval);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        try
        {
            await CreateQueueAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(task => task.IsCompleted);
                while (running.Count > _settings.NewBatchThreshold)
                {
                    _logger.LogDebug(AtThresholdEvent, "{Running} messages of queue '{Queue}' are running, above newBatchThreshold ({Threshold}); the next batch waits.",
                        running.Count, _function.QueueName, _settings.NewBatchThreshold);
                    await Task.WhenAny(running).WaitAsync(stoppingToken);
                    running.RemoveAll(task => task.IsCompleted);
                }

                var messages = await ReceiveAsync(stoppingToken);
                if (messages is null)
                    continue;
                if (messages.Length == 0)
                {
                    var delay = _backoff.AfterEmptyPoll();
                    _logger.LogDebug(EmptyPollEvent, "Queue '{Queue}' is empty; next poll in {DelayMilliseconds} ms.", _function.QueueName, delay.TotalMilliseconds);
                    await Task.Delay(delay, _clock, stoppingToken);
                    continue;
                }

                _backoff.Reset();
                running.AddRange(messages.Select(message => Task.Run(() => ProcessAsync(message, stoppingToken), CancellationToken.None)));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // The invocations see the stopping token; wait for them to settle their messages.
        await Task.WhenAll(running);
    }

    private async Task CreateQueueAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await _queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Storage out of reach must not stop the host, whose other functions still serve; like the Functions
                // host's listeners, this one keeps trying.
                _logger.LogError(ex, "The queue '{Queue}' of function '{FunctionName}' cannot be created; retrying in {Delay}.",
                    _function.QueueName, _function.Name, _settings.MaxPollingInterval);
                await Task.Delay(_settings.MaxPollingInterval, _clock, stoppingToken);
            }
        }
    }

    /// <summary>The next batch; null when the poll failed (already logged and waited for).</summary>
    private async Task<QueueMessage[]?> ReceiveAsync(CancellationToken stoppingToken)
    {
        try
        {
            var response = await _queue.ReceiveMessagesAsync(_settings.BatchSize, _messageLease, stoppingToken);
            return response.Value;
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Polling the queue '{Queue}' failed; retrying in {Delay}.", _function.QueueName, _settings.MaxPollingInterval);
            await Task.Delay(_settings.MaxPollingInterval, _clock, stoppingToken);
            return null;
        }
    }

    private async Task ProcessAsync(QueueMessage raw, CancellationToken stoppingToken)
    {
        try
        {
            // A message can come back past its limit when a host stopped while running it; it is not run again.
            if (raw.DequeueCount > _settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(raw, raw.PopReceipt, $"has a dequeue count of {raw.DequeueCount}, above MaxDequeueCount of {_settings.MaxDequeueCount}");
                return;
            }

            if (QueueMessageDecoder.TryDecode(raw, _settings.MessageEncoding) is not { } message)
            {
                await MoveToPoisonAsync(raw, raw.PopReceipt, "is not valid Base64, the messageEncoding of host.json");
                return;
            }

            var lease = MessageLease.Start(_queue, raw.MessageId, raw.PopReceipt, _messageLease, _clock, _logger);
            Exception? failure = null;
            try
            {
                await _invoker.InvokeAsync(_function, new TriggerInput(message, null, stoppingToken),
                    $"New queue message detected on '{_function.QueueName}'.");
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            var popReceipt = await lease.StopAsync();

            if (failure is null)
                await _queue.DeleteMessageAsync(raw.MessageId, popReceipt, CancellationToken.None);
            else if (failure is OperationCanceledException && stoppingToken.IsCancellationRequested)
                // Stopped by the host, not failed by the function: the message is due again at once.
                await _queue.UpdateMessageAsync(raw.MessageId, popReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None);
            else if (raw.DequeueCount >= _settings.MaxDequeueCount)
                await MoveToPoisonAsync(raw, popReceipt, $"has reached MaxDequeueCount of {_settings.MaxDequeueCount}");
            else
                await _queue.UpdateMessageAsync(raw.MessageId, popReceipt, visibilityTimeout: _settings.VisibilityTimeout, cancellationToken: CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The message stays invisible until its lease ends, then is delivered again.
            _logger.LogError(ex, "Message {MessageId} on queue '{Queue}' could not be settled.", raw.MessageId, _function.QueueName);
        }
    }

    private async Task MoveToPoisonAsync(QueueMessage raw, string popReceipt, string reason)
    {
        _logger.LogWarning("Message {MessageId} on queue '{Queue}' {Reason}. Moving message to queue '{PoisonQueue}'.",
            raw.MessageId, _function.QueueName, reason, _function.PoisonQueueName);
        await _poisonQueue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        // The raw text is copied, so the poison message is encoded as the original was.
        await _poisonQueue.SendMessageAsync(raw.Body.ToString(), CancellationToken.None);
        await _queue.DeleteMessageAsync(raw.MessageId, popReceipt, CancellationToken.None);
    }
}

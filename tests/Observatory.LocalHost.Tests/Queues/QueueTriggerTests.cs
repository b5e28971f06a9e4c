using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Observatory.LocalHost.Queues;
using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.LocalHost.Tests.Samples.Queues;

namespace Observatory.LocalHost.Tests.Queues;

/// <summary>
/// The queue trigger against a real storage emulator, each test on queues of its own. The host's polling and leases
/// wait on its fake clock, which the tests move to each wake-up while they wait for Azurite (see
/// <see cref="TestHost.RunUntilAsync(string, int)"/>), so no test waits out a back-off.
/// </summary>
public sealed class QueueTriggerTests
{
    private static string HostJson(string visibilityTimeout = "00:00:00", int maxDequeueCount = 3, string encoding = "base64", string maxPollingInterval = "00:00:00.500") => $$"""
        {
          "version": "2.0",
          "logging": { "logLevel": { "default": "Debug" } },
          "extensions": {
            "queues": { "maxPollingInterval": "{{maxPollingInterval}}", "visibilityTimeout": "{{visibilityTimeout}}", "batchSize": 4,
                        "maxDequeueCount": {{maxDequeueCount}}, "messageEncoding": "{{encoding}}" }
          }
        }
        """;

    private static async Task<int> CountAsync(QueueClient queue) =>
        await queue.ExistsAsync() ? (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount : 0;

    [Fact]
    public async Task The_host_creates_the_queue_named_by_a_setting_and_a_base64_message_reaches_the_function_decoded_then_is_deleted()
    {
        var name = TestStorage.UniqueQueueName("text");
        var queue = TestStorage.Queue(name);
        // Upper case in the setting: the host lower-cases queue names as Functions does.
        await using var host = await TestHost.StartAsync([typeof(EchoText)], HostJson(), new Dictionary<string, string> { ["Samples__TextQueue"] = name.ToUpperInvariant() });

        await host.RunUntilAsync(async () => await queue.ExistsAsync(), $"the host creates queue {name}");
        await queue.SendMessageAsync("Olá, señor ✓");

        var invocation = Assert.Single(await host.RunUntilAsync("EchoText", 1));
        Assert.Equal("Olá, señor ✓", invocation.Value);
        await host.RunUntilAsync(async () => await CountAsync(queue) == 0, "the message is deleted after success");
    }

    [Fact]
    public async Task Binary_data_and_queue_message_parameters_receive_the_decoded_body()
    {
        var binaryName = TestStorage.UniqueQueueName("binary");
        var messageName = TestStorage.UniqueQueueName("message");
        byte[] bytes = [0, 1, 2, 200, 255, 10];
        await using var host = await TestHost.StartAsync([typeof(EchoBinary), typeof(EchoMessage)], HostJson(),
            new Dictionary<string, string> { ["Samples__BinaryQueue"] = binaryName, ["Samples__MessageQueue"] = messageName });

        var binaryQueue = TestStorage.Queue(binaryName);
        await binaryQueue.CreateIfNotExistsAsync();
        await binaryQueue.SendMessageAsync(new BinaryData(bytes));
        var messageQueue = TestStorage.Queue(messageName);
        await messageQueue.CreateIfNotExistsAsync();
        var sent = await messageQueue.SendMessageAsync("{\"id\":7}");

        Assert.Equal(bytes, Assert.Single(await host.RunUntilAsync("EchoBinary", 1)).Value);
        var message = Assert.IsType<QueueMessage>(Assert.Single(await host.RunUntilAsync("EchoMessage", 1)).Value);
        Assert.Equal(sent.Value.MessageId, message.MessageId);
        Assert.Equal(1, message.DequeueCount);
        Assert.Equal("{\"id\":7}", message.Body.ToString());
    }

    [Fact]
    public async Task With_message_encoding_none_the_text_is_passed_as_it_is_on_the_queue()
    {
        var name = TestStorage.UniqueQueueName("plain");
        var queue = TestStorage.Queue(name, QueueMessageEncoding.None);
        await queue.CreateIfNotExistsAsync();
        await using var host = await TestHost.StartAsync([typeof(EchoText)], HostJson(encoding: "none"), new Dictionary<string, string> { ["Samples__TextQueue"] = name });

        await queue.SendMessageAsync("plain text, not Base64");

        Assert.Equal("plain text, not Base64", Assert.Single(await host.RunUntilAsync("EchoText", 1)).Value);
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_the_poison_queue_without_running_the_function()
    {
        var name = TestStorage.UniqueQueueName("undecodable");
        var rawQueue = TestStorage.Queue(name, QueueMessageEncoding.None);
        await rawQueue.CreateIfNotExistsAsync();
        await using var host = await TestHost.StartAsync([typeof(EchoText)], HostJson(), new Dictionary<string, string> { ["Samples__TextQueue"] = name });

        await rawQueue.SendMessageAsync("this is not Base64!");

        var poison = TestStorage.Queue(name + "-poison", QueueMessageEncoding.None);
        await host.RunUntilAsync(async () => await CountAsync(poison) == 1, "the message is moved to the poison queue");
        Assert.Equal("this is not Base64!", (await poison.PeekMessageAsync()).Value.Body.ToString());
        Assert.Empty(host.Recorder.For("EchoText"));
    }

    [Fact]
    public async Task A_failing_message_is_retried_after_the_visibility_timeout_then_moved_to_the_poison_queue_at_max_dequeue_count()
    {
        var name = TestStorage.UniqueQueueName("failing");
        var queue = TestStorage.Queue(name);
        await queue.CreateIfNotExistsAsync();
        // The storage service keeps a failed message invisible by its own clock, in whole seconds: the shortest, one
        // second, is waited for twice here by the machine's clock, the one wait no fake clock can shorten.
        var visibilityTimeout = TimeSpan.FromSeconds(1);
        await using var host = await TestHost.StartAsync([typeof(AlwaysFail)], HostJson(visibilityTimeout: "00:00:01", maxDequeueCount: 3),
            new Dictionary<string, string> { ["Samples__FailingQueue"] = name });

        await queue.SendMessageAsync("doomed");

        var tries = await host.RunUntilAsync("AlwaysFail", 3);
        Assert.Equal([1L, 2L, 3L], tries.Select(invocation => ((QueueMessage)invocation.Value!).DequeueCount));
        for (var i = 1; i < tries.Count; i++)
        {
            // Invisible for the visibility timeout after each failure (less a little for the clock's resolution).
            Assert.True(tries[i].At - tries[i - 1].At >= visibilityTimeout - TimeSpan.FromMilliseconds(200),
                $"try {i + 1} came {(tries[i].At - tries[i - 1].At).TotalMilliseconds} ms after try {i}");
        }

        var poison = TestStorage.Queue(name + "-poison");
        await host.RunUntilAsync(async () => await CountAsync(poison) == 1, "the message is moved to the poison queue");
        Assert.Equal("doomed", (await poison.PeekMessageAsync()).Value.Body.ToString());
        // Gone from its queue, invisible copies included, so no fourth try can come.
        await host.RunUntilAsync(async () => await CountAsync(queue) == 0, "the message is deleted from its queue");
        Assert.Equal(3, host.Recorder.For("AlwaysFail").Count);
    }

    [Fact]
    public async Task A_message_that_fails_below_max_dequeue_count_is_retried_and_deleted_when_it_succeeds()
    {
        var name = TestStorage.UniqueQueueName("flaky");
        var queue = TestStorage.Queue(name);
        await queue.CreateIfNotExistsAsync();
        await using var host = await TestHost.StartAsync([typeof(FailFirstTry)], HostJson(maxDequeueCount: 2),
            new Dictionary<string, string> { ["Samples__FlakyQueue"] = name });

        await queue.SendMessageAsync("second time lucky");

        var tries = await host.RunUntilAsync("FailFirstTry", 2);
        Assert.Equal([1L, 2L], tries.Select(invocation => ((QueueMessage)invocation.Value!).DequeueCount));
        await host.RunUntilAsync(async () => await CountAsync(queue) == 0, "the message is deleted after success");
        Assert.Equal(0, await CountAsync(TestStorage.Queue(name + "-poison")));
    }

    [Fact]
    public async Task A_message_already_dequeued_more_than_max_dequeue_count_times_is_moved_to_poison_without_running()
    {
        var name = TestStorage.UniqueQueueName("exhausted");
        var queue = TestStorage.Queue(name);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("left by a host that stopped");
        // Two deliveries that were never settled, as when a host stops while running the message; each is made visible
        // again at once rather than after its visibility timeout.
        for (var i = 0; i < 2; i++)
        {
            var received = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
            Assert.NotNull(received);
            await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        }

        await using var host = await TestHost.StartAsync([typeof(EchoText)], HostJson(maxDequeueCount: 2), new Dictionary<string, string> { ["Samples__TextQueue"] = name });

        var poison = TestStorage.Queue(name + "-poison");
        await host.RunUntilAsync(async () => await CountAsync(poison) == 1, "the message is moved to the poison queue");
        // Copied to the poison queue first, then deleted from its own.
        await host.RunUntilAsync(async () => await CountAsync(queue) == 0, "the message is deleted from its queue");
        Assert.Empty(host.Recorder.For("EchoText"));
    }

    [Fact]
    public async Task An_empty_queue_is_polled_with_exponential_back_off_which_a_message_resets()
    {
        var name = TestStorage.UniqueQueueName("backoff");
        var queue = TestStorage.Queue(name);
        await queue.CreateIfNotExistsAsync();
        var hostJson = """
            {
              "version": "2.0",
              "logging": { "logLevel": { "default": "Debug" } },
              "extensions": { "queues": { "maxPollingInterval": "00:00:00.800" } }
            }
            """;
        await using var host = await TestHost.StartAsync([typeof(EchoText)], hostJson, new Dictionary<string, string> { ["Samples__TextQueue"] = name });
        List<double> Delays() => host.Logs.Entries
            .Where(entry => entry.EventId.Id == 3001 && entry.Category.EndsWith(".EchoText", StringComparison.Ordinal))
            .Select(entry => Convert.ToDouble(entry.State["DelayMilliseconds"]))
            .ToList();

        await host.RunUntilAsync(() => Task.FromResult(Delays().Count(delay => delay == 800) >= 2), "the back-off reaches maxPollingInterval");
        await queue.SendMessageAsync("wake up");
        await host.RunUntilAsync("EchoText", 1);
        await host.RunUntilAsync(() => Task.FromResult(Delays().SkipWhile(delay => delay != 800).Contains(100)), "the back-off starts again");

        var delays = Delays();
        Assert.Equal([100, 200, 400, 800, 800], delays.Take(5));
        var reset = delays.IndexOf(100, delays.IndexOf(800));
        Assert.Equal(800, delays[reset - 1]);
    }

    [Fact]
    public async Task A_new_batch_is_received_only_when_no_more_than_new_batch_threshold_messages_are_running()
    {
        var name = TestStorage.UniqueQueueName("gated");
        var queue = TestStorage.Queue(name);
        await queue.CreateIfNotExistsAsync();
        var hostJson = """
            { "version": "2.0", "logging": { "logLevel": { "default": "Debug" } },
              "extensions": { "queues": { "maxPollingInterval": "00:00:00.200", "batchSize": 2, "newBatchThreshold": 1 } } }
            """;
        // Every message is on the queue before the host starts, so its first poll takes a whole batch of two: a first
        // poll that found only one message would leave one running, at the threshold, and rightly poll again.
        for (var i = 0; i < 5; i++)
            await queue.SendMessageAsync($"message {i}");
        await using var host = await TestHost.StartAsync([typeof(WaitAtGate)], hostJson, new Dictionary<string, string> { ["Samples__GatedQueue"] = name });

        int HeldBack() => host.Logs.Entries.Count(entry => entry.EventId == QueueTriggerListener.AtThresholdEvent);
        async Task<int> VisibleAsync() => (await queue.PeekMessagesAsync(32)).Value.Length;

        // One batch of two; with two running, above the threshold of one, the listener holds the next batch back.
        await host.RunUntilAsync(() => Task.FromResult(host.Recorder.For("WaitAtGate").Count >= 2 && HeldBack() >= 1), "one batch is received and the next held back");
        Assert.Equal(2, host.Recorder.For("WaitAtGate").Count);
        Assert.Equal(3, await VisibleAsync());

        // One finishes: one running is at the threshold, so a second batch of two arrives, three run, and it holds back again.
        host.Gate.Open(1);
        await host.RunUntilAsync(() => Task.FromResult(host.Recorder.For("WaitAtGate").Count >= 4 && HeldBack() >= 2), "a second batch is received and the next held back");
        Assert.Equal(4, host.Recorder.For("WaitAtGate").Count);
        Assert.Equal(3, host.Gate.Running);
        Assert.Equal(1, await VisibleAsync());

        host.Gate.Open(10);
        await host.RunUntilAsync("WaitAtGate", 5);
        await host.RunUntilAsync(async () => await CountAsync(queue) == 0, "every message is deleted");
    }

    [Fact]
    public async Task The_lease_of_a_message_is_renewed_while_its_function_runs_longer_than_the_lease()
    {
        var name = TestStorage.UniqueQueueName("slow");
        var queue = TestStorage.Queue(name);
        await queue.CreateIfNotExistsAsync();
        // The shortest lease the storage service takes: one second, by its own clock.
        var lease = TimeSpan.FromSeconds(1);
        await using var host = await TestHost.StartAsync([typeof(RunLong)], HostJson(), new Dictionary<string, string> { ["Samples__SlowQueue"] = name },
            adjust: options => options with { QueueMessageLease = lease });

        await queue.SendMessageAsync("takes a while");
        await host.RunUntilAsync("RunLong.Started", 1);

        // Deliberate: whether the message stays invisible is decided by the storage emulator's own clock, so the function
        // is held for two and a half leases of the machine's time while the host's clock is moved to each renewal and
        // poll; a lease that was not renewed would let a poll receive the message again.
        var held = System.Diagnostics.Stopwatch.StartNew();
        await host.RunUntilAsync(() => Task.FromResult(held.Elapsed >= lease * 2.5), "the function is held past its lease");
        Assert.Single(host.Recorder.For("RunLong.Started"));
        Assert.Contains(host.Logs.Entries, entry => entry.EventId == MessageLease.RenewedEvent);

        host.Gate.Open(1);
        await host.RunUntilAsync("RunLong", 1);
        await host.RunUntilAsync(async () => await CountAsync(queue) == 0, "the message is deleted after success");
        Assert.Single(host.Recorder.For("RunLong.Started"));
    }
}

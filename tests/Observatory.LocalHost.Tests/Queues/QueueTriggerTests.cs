using System.Text;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.LocalHost.Tests.Samples.Queues;

namespace Observatory.LocalHost.Tests.Queues;

/// <summary>The queue trigger against a real storage emulator, each test on queues of its own.</summary>
public sealed class QueueTriggerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private static string HostJson(string visibilityTimeout = "00:00:00", int maxDequeueCount = 3, string encoding = "base64", string maxPollingInterval = "00:00:00.500") => $$"""
        {
          "version": "2.0",
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

        await Eventually.TrueAsync(async () => await queue.ExistsAsync(), Timeout, $"the host creates queue {name}");
        await queue.SendMessageAsync("Olá, señor ✓");

        var invocation = Assert.Single(await host.Recorder.WaitForAsync("EchoText", 1, Timeout));
        Assert.Equal("Olá, señor ✓", invocation.Value);
        await Eventually.TrueAsync(async () => await CountAsync(queue) == 0, Timeout, "the message is deleted after success");
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

        Assert.Equal(bytes, Assert.Single(await host.Recorder.WaitForAsync("EchoBinary", 1, Timeout)).Value);
        var message = Assert.IsType<QueueMessage>(Assert.Single(await host.Recorder.WaitForAsync("EchoMessage", 1, Timeout)).Value);
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

        Assert.Equal("plain text, not Base64", Assert.Single(await host.Recorder.WaitForAsync("EchoText", 1, Timeout)).Value);
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
        await Eventually.TrueAsync(async () => await CountAsync(poison) == 1, Timeout, "the message is moved to the poison queue");
        Assert.Equal("this is not Base64!", (await poison.PeekMessageAsync()).Value.Body.ToString());
        Assert.Empty(host.Recorder.For("EchoText"));
    }

    [Fact]
    public async Task A_failing_message_is_retried_after_the_visibility_timeout_then_moved_to_the_poison_queue_at_max_dequeue_count()
    {
        var name = TestStorage.UniqueQueueName("failing");
        var queue = TestStorage.Queue(name);
        await queue.CreateIfNotExistsAsync();
        // Queue storage counts visibility in whole seconds.
        var visibilityTimeout = TimeSpan.FromSeconds(2);
        await using var host = await TestHost.StartAsync([typeof(AlwaysFail)], HostJson(visibilityTimeout: "00:00:02", maxDequeueCount: 3),
            new Dictionary<string, string> { ["Samples__FailingQueue"] = name });

        await queue.SendMessageAsync("doomed");

        var tries = await host.Recorder.WaitForAsync("AlwaysFail", 3, Timeout);
        Assert.Equal([1L, 2L, 3L], tries.Select(invocation => ((QueueMessage)invocation.Value!).DequeueCount));
        for (var i = 1; i < tries.Count; i++)
        {
            // Invisible for the visibility timeout after each failure (less a little for the clock's resolution).
            Assert.True(tries[i].At - tries[i - 1].At >= visibilityTimeout - TimeSpan.FromMilliseconds(200),
                $"try {i + 1} came {(tries[i].At - tries[i - 1].At).TotalMilliseconds} ms after try {i}");
        }

        var poison = TestStorage.Queue(name + "-poison");
        await Eventually.TrueAsync(async () => await CountAsync(poison) == 1, Timeout, "the message is moved to the poison queue");
        Assert.Equal("doomed", (await poison.PeekMessageAsync()).Value.Body.ToString());
        await Eventually.TrueAsync(async () => await CountAsync(queue) == 0, Timeout, "the message is deleted from its queue");
        await Task.Delay(visibilityTimeout * 2);
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

        var tries = await host.Recorder.WaitForAsync("FailFirstTry", 2, Timeout);
        Assert.Equal([1L, 2L], tries.Select(invocation => ((QueueMessage)invocation.Value!).DequeueCount));
        await Eventually.TrueAsync(async () => await CountAsync(queue) == 0, Timeout, "the message is deleted after success");
        Assert.Equal(0, await CountAsync(TestStorage.Queue(name + "-poison")));
    }

    [Fact]
    public async Task A_message_already_dequeued_more_than_max_dequeue_count_times_is_moved_to_poison_without_running()
    {
        var name = TestStorage.UniqueQueueName("exhausted");
        var queue = TestStorage.Queue(name);
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("left by a host that stopped");
        // Two deliveries that were never settled, as when a host stops while running the message.
        for (var i = 0; i < 2; i++)
        {
            Assert.NotNull((await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(1))).Value);
            await Task.Delay(TimeSpan.FromSeconds(1.2));
        }

        await using var host = await TestHost.StartAsync([typeof(EchoText)], HostJson(maxDequeueCount: 2), new Dictionary<string, string> { ["Samples__TextQueue"] = name });

        var poison = TestStorage.Queue(name + "-poison");
        await Eventually.TrueAsync(async () => await CountAsync(poison) == 1, Timeout, "the message is moved to the poison queue");
        Assert.Empty(host.Recorder.For("EchoText"));
        Assert.Equal(0, await CountAsync(queue));
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

        await Eventually.TrueAsync(() => Task.FromResult(Delays().Count(delay => delay == 800) >= 2), Timeout, "the back-off reaches maxPollingInterval");
        await queue.SendMessageAsync("wake up");
        await host.Recorder.WaitForAsync("EchoText", 1, Timeout);
        await Eventually.TrueAsync(() => Task.FromResult(Delays().SkipWhile(delay => delay != 800).Contains(100)), Timeout, "the back-off starts again");

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
            { "version": "2.0", "extensions": { "queues": { "maxPollingInterval": "00:00:00.200", "batchSize": 2, "newBatchThreshold": 1 } } }
            """;
        // Every message is on the queue before the host starts, so its first poll takes a whole batch of two: a first
        // poll that found only one message would leave one running, at the threshold, and rightly poll again.
        for (var i = 0; i < 5; i++)
            await queue.SendMessageAsync($"message {i}");
        await using var host = await TestHost.StartAsync([typeof(WaitAtGate)], hostJson, new Dictionary<string, string> { ["Samples__GatedQueue"] = name });

        // One batch of two; with two running, above the threshold of one, no further batch.
        await host.Recorder.WaitForAsync("WaitAtGate", 2, Timeout);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(2, host.Recorder.For("WaitAtGate").Count);

        // One finishes: one running is at the threshold, so a second batch of two arrives, and three run at once.
        host.Gate.Open(1);
        await host.Recorder.WaitForAsync("WaitAtGate", 4, Timeout);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(4, host.Recorder.For("WaitAtGate").Count);
        Assert.Equal(3, host.Gate.Running);

        host.Gate.Open(10);
        await host.Recorder.WaitForAsync("WaitAtGate", 5, Timeout);
        await Eventually.TrueAsync(async () => await CountAsync(queue) == 0, Timeout, "every message is deleted");
    }

    [Fact]
    public async Task The_lease_of_a_message_is_renewed_while_its_function_runs_longer_than_the_lease()
    {
        var name = TestStorage.UniqueQueueName("slow");
        var queue = TestStorage.Queue(name);
        await queue.CreateIfNotExistsAsync();
        await using var host = await TestHost.StartAsync([typeof(RunLong)], HostJson(), new Dictionary<string, string> { ["Samples__SlowQueue"] = name },
            adjust: options => options with { QueueMessageLease = TimeSpan.FromSeconds(3) });

        await queue.SendMessageAsync("takes a while");

        await host.Recorder.WaitForAsync("RunLong", 1, Timeout);
        await Eventually.TrueAsync(async () => await CountAsync(queue) == 0, Timeout, "the message is deleted after success");
        Assert.Single(host.Recorder.For("RunLong.Started"));
    }
}

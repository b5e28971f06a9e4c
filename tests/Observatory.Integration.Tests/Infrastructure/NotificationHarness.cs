using System.Text;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Observatory.Core.Notifications;
using Observatory.Functions.Admin;
using Observatory.Functions.Notifications;
using Observatory.Storage;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>
/// A pipeline whose mail goes to an in-process SMTP server and whose logs are captured, with the steps the Functions
/// host takes for the notifications queue: receive, run <see cref="SendNotification"/>, delete on success, leave the
/// message for a retry on failure.
/// </summary>
public sealed class NotificationHarness : IAsyncDisposable
{
    private NotificationHarness(PipelineHarness pipeline, SmtpCatcher mail, CapturedLogs logs)
    {
        Pipeline = pipeline;
        Mail = mail;
        Logs = logs;
        Queue = pipeline.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.NotificationsQueue);
        PoisonQueue = pipeline.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(StorageNames.NotificationsPoisonQueue);
    }

    /// <summary>The pipeline.</summary>
    public PipelineHarness Pipeline { get; }

    /// <summary>The mail server.</summary>
    public SmtpCatcher Mail { get; }

    /// <summary>Everything logged.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The notifications queue.</summary>
    public QueueClient Queue { get; }

    /// <summary>Its poison queue.</summary>
    public QueueClient PoisonQueue { get; }

    /// <summary>
    /// Starts a mail server and a pipeline over the shared Azurite that sends to it; <paramref name="clock"/> replaces the
    /// system clock, <paramref name="faults"/> injects storage faults (and brings the harness's shiftable clock).
    /// </summary>
    public static async Task<NotificationHarness> StartAsync(TimeProvider? clock = null, StorageFaults? faults = null,
        IDictionary<string, string?>? settings = null)
    {
        var mail = await SmtpCatcher.StartAsync();
        var logs = new CapturedLogs();
        var all = new Dictionary<string, string?>(mail.Settings);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) all[key] = value;
        var pipeline = new PipelineHarness
        {
            Settings = all,
            Faults = faults,
            ConfigureServices = services =>
            {
                services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
                services.AddSingleton<ILoggerProvider>(logs);
                if (clock is not null) services.AddSingleton(clock);
            },
        };
        await pipeline.InitializeAsync();
        var harness = new NotificationHarness(pipeline, mail, logs);
        await harness.Queue.ClearMessagesAsync();
        await harness.PoisonQueue.ClearMessagesAsync();
        return harness;
    }

    /// <summary>Registers a contact through the staff route, after removing every earlier contact of the state (Azurite keeps them between runs).</summary>
    public async Task<string> AddContactAsync(string country, string email, string language, string role = "focalPoint")
    {
        var body = Encoding.UTF8.GetBytes($$"""{"country":"{{country}}","email":"{{email}}","language":"{{language}}","role":"{{role}}"}""");
        var response = await Pipeline.InvokeAsync(Pipeline.Request("POST", "/api/admin/contacts", key: Pipeline.AdminKey, body: body, contentType: "application/json"),
            r => Pipeline.Function<AddContact>().Run(r, CancellationToken.None));
        Assert.True(response.Status == 201, response.Text);
        return response.Json.GetProperty("id").GetString()!;
    }

    /// <summary>Removes every contact of the given states.</summary>
    public async Task ClearContactsAsync(params string[] countries)
    {
        var registry = Pipeline.Services.GetRequiredService<ContactRegistry>();
        foreach (var country in countries)
            foreach (var contact in (await registry.ListAsync(country, CancellationToken.None))!)
                await registry.DeleteAsync(contact.Id, CancellationToken.None);
    }

    /// <summary>
    /// Delivers every visible notification message to the queue function once, as the host would: deleted when the
    /// function succeeds, made visible again when it throws. Returns the exceptions thrown.
    /// </summary>
    public async Task<List<Exception>> DeliverQueuedAsync()
    {
        var failures = new List<Exception>();
        var taken = new List<(string Id, string Receipt)>();
        while ((await Queue.ReceiveMessageAsync(TimeSpan.FromMinutes(1))).Value is { } message)
        {
            try
            {
                await Pipeline.Function<SendNotification>().Run(message.MessageText, CancellationToken.None);
                await Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
            catch (Exception ex)
            {
                failures.Add(ex);
                taken.Add((message.MessageId, message.PopReceipt));
            }
        }
        // Visible again for the next delivery, as after the host's visibility timeout.
        foreach (var (id, receipt) in taken) await Queue.UpdateMessageAsync(id, receipt, visibilityTimeout: TimeSpan.Zero);
        return failures;
    }

    /// <summary>Every notification on the queue now, left there (a peek shows 32 at most, so they are received and made visible again).</summary>
    public async Task<List<NotificationMessage>> PeekQueuedAsync()
    {
        var all = new List<Azure.Storage.Queues.Models.QueueMessage>();
        while ((await Queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value is { Length: > 0 } batch) all.AddRange(batch);
        foreach (var message in all) await Queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
        return [.. all.Select(m => NotificationMessage.Parse(m.MessageText))];
    }

    /// <summary>Asserts that no log line holds any of <paramref name="addresses"/> (in any case).</summary>
    public void AssertNotLogged(params string[] addresses)
    {
        Assert.NotEmpty(Logs.Lines);
        foreach (var line in Logs.Lines)
            foreach (var address in addresses)
                Assert.False(line.Contains(address, StringComparison.OrdinalIgnoreCase), $"An address was logged: {line}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await Mail.DisposeAsync();
}

using Microsoft.Extensions.DependencyInjection;
using Observatory.Core.Notifications;
using Observatory.Core.Ports;
using Observatory.Functions.Admin;
using Observatory.Functions.Notifications;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;
using Observatory.Mail;

namespace Observatory.Integration.Tests;

/// <summary>
/// The verdict of every submission mailed to its state's contacts in each one's language, through the notifications
/// queue and a real SMTP conversation (an in-process server); nothing lost or sent twice when the mail server or the
/// queue is down and comes back; no address in any log.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class NotificationTests
{
    private static readonly byte[] Accepted = ReturnFiles.Csv([["Indicator", "Value"], ["POL_HOTLINE", "YES"]]);

    private static byte[] Rejected() => ReturnFiles.Csv([[$"Run {Guid.NewGuid():N}"], ["Indicator", "Value"], ["POL_HOTLINE", "PERHAPS"], ["CT_VICT_DET", "-3"]]);

    private static byte[] Unique(byte[] file) => [.. file, .. System.Text.Encoding.UTF8.GetBytes($"# {Guid.NewGuid():N}\n")];

    [Fact]
    public async Task Each_verdict_reaches_every_contact_of_the_state_in_its_own_language_with_the_report_link()
    {
        await using var h = await NotificationHarness.StartAsync();
        await h.ClearContactsAsync("LCA");
        const string focal = "punto.focal@lca.example.org", deputy = "adjoint@lca.example.org";
        await h.AddContactAsync("LCA", focal, "es");
        await h.AddContactAsync("LCA", deputy, "fr", "deputy");
        var (_, key) = await h.Pipeline.IssueKeyAsync("LCA");

        var accepted = (await h.Pipeline.UploadAsync(key, "country=LCA&year=2021", Unique(Accepted), "text/csv")).Json.GetProperty("id").GetString()!;
        await h.Pipeline.ProcessAllAsync();
        var rejected = (await h.Pipeline.UploadAsync(key, "country=LCA&year=2021", Rejected(), "text/csv")).Json.GetProperty("id").GetString()!;
        await h.Pipeline.ProcessAllAsync();
        var rejectedStatus = (await h.Pipeline.GetSubmissionAsync(key, rejected)).Json;
        Assert.Equal("rejected", rejectedStatus.GetProperty("status").GetString());
        var errors = rejectedStatus.GetProperty("counts").GetProperty("errors").GetInt32();

        Assert.Empty(await h.DeliverQueuedAsync());

        var toFocal = h.Mail.To(focal);
        var toDeputy = h.Mail.To(deputy);
        Assert.Equal(2, toFocal.Count);
        Assert.Equal(2, toDeputy.Count);
        Assert.All(h.Mail.Received, m => Assert.Single(m.To.Mailboxes));

        var focalAccepted = Assert.Single(toFocal, m => m.Headers["X-Observatory-Notification"] == $"verdict~{accepted}~accepted");
        Assert.Equal("Observatorio: el informe de Santa Lucía para 2021 fue aceptado", focalAccepted.Subject);
        Assert.Equal("es", focalAccepted.Body!.Headers["Content-Language"]);
        Assert.Contains(accepted, focalAccepted.TextBody);
        Assert.Contains($"/api/submissions/{accepted}/report?format=html&lang=es", focalAccepted.TextBody);

        var deputyRejected = Assert.Single(toDeputy, m => m.Headers["X-Observatory-Notification"] == $"verdict~{rejected}~rejected");
        Assert.Equal($"Observatoire : le rapport de Sainte-Lucie pour 2021 a été rejeté ({errors} erreurs)", deputyRejected.Subject);
        Assert.Equal("fr", deputyRejected.Body!.Headers["Content-Language"]);
        Assert.Contains($"{errors} erreurs à corriger", deputyRejected.TextBody);
        Assert.Contains($"http://127.0.0.1:7071/api/submissions/{rejected}/report?format=html&lang=fr", deputyRejected.TextBody);

        // A message delivered again after its mails went out sends nothing more.
        await h.Pipeline.Services.GetRequiredService<INotificationQueue>().EnqueueAsync(NotificationMessage.Verdict(rejected, "rejected"), CancellationToken.None);
        Assert.Empty(await h.DeliverQueuedAsync());
        Assert.Equal(4, h.Mail.Received.Count);
        h.AssertNotLogged(focal, deputy);
    }

    [Fact]
    public async Task A_mail_outage_keeps_the_message_for_the_retry_and_after_recovery_each_contact_gets_exactly_one_mail()
    {
        await using var h = await NotificationHarness.StartAsync();
        await h.ClearContactsAsync("VCT");
        const string focal = "focal.point@vct.example.org", deputy = "deputy@vct.example.org";
        await h.AddContactAsync("VCT", focal, "en");
        await h.AddContactAsync("VCT", deputy, "pt", "deputy");
        var (_, key) = await h.Pipeline.IssueKeyAsync("VCT");

        await h.Mail.StopAsync();
        var id = (await h.Pipeline.UploadAsync(key, "country=VCT&year=2021", Unique(Accepted), "text/csv")).Json.GetProperty("id").GetString()!;
        await h.Pipeline.ProcessAllAsync(); // processing does not wait for, or fail with, the mail server
        Assert.Equal("accepted", (await h.Pipeline.GetSubmissionAsync(key, id)).Json.GetProperty("status").GetString());

        for (var retry = 0; retry < 2; retry++)
        {
            var failure = Assert.Single(await h.DeliverQueuedAsync());
            var delivery = Assert.IsType<MailDeliveryException>(failure);
            Assert.DoesNotContain("@", delivery.ToString());
        }
        Assert.Empty(h.Mail.Received);

        await h.Mail.StartAgainAsync();
        Assert.Empty(await h.DeliverQueuedAsync());
        Assert.Single(h.Mail.To(focal));
        Assert.Equal("Observatório: o relatório de São Vicente e Granadinas para 2021 foi aceito", Assert.Single(h.Mail.To(deputy)).Subject);
        Assert.Null((await h.Queue.ReceiveMessageAsync()).Value); // the message is gone

        // The host delivers the same message again (say, its delete was lost): nobody gets a second mail.
        await h.Pipeline.Services.GetRequiredService<INotificationQueue>().EnqueueAsync(NotificationMessage.Verdict(id, "accepted"), CancellationToken.None);
        Assert.Empty(await h.DeliverQueuedAsync());
        Assert.Equal(2, h.Mail.Received.Count);
        h.AssertNotLogged(focal, deputy);
    }

    [Fact]
    public async Task A_send_that_fails_after_the_first_recipient_resends_only_to_the_others()
    {
        await using var h = await NotificationHarness.StartAsync();
        await h.ClearContactsAsync("KNA");
        const string first = "first@kna.example.org", second = "second@kna.example.org";
        await h.AddContactAsync("KNA", first, "en");
        await h.AddContactAsync("KNA", second, "en", "deputy");
        var (_, key) = await h.Pipeline.IssueKeyAsync("KNA");
        var id = (await h.Pipeline.UploadAsync(key, "country=KNA&year=2021", Unique(Accepted), "text/csv")).Json.GetProperty("id").GetString()!;
        await h.Pipeline.ProcessAllAsync();

        // The server takes the first mail, then refuses: the message is retried, and the retry mails only the second contact.
        h.Mail.RefuseAfter = 1;
        var failure = Assert.Single(await h.DeliverQueuedAsync());
        Assert.IsType<MailDeliveryException>(failure);
        Assert.Single(h.Mail.Received);

        h.Mail.RefuseAfter = null;
        Assert.Empty(await h.DeliverQueuedAsync());
        Assert.Single(h.Mail.To(first));
        Assert.Single(h.Mail.To(second));
        h.AssertNotLogged(first, second);
        Assert.Equal(2, h.Mail.Received.Count(m => m.Headers["X-Observatory-Notification"] == $"verdict~{id}~accepted"));
    }

    [Fact]
    public async Task A_queue_outage_during_processing_neither_fails_the_submission_nor_loses_its_verdict()
    {
        var faults = new StorageFaults();
        await using var h = await NotificationHarness.StartAsync(faults: faults);
        await h.ClearContactsAsync("GRD");
        const string focal = "focal@grd.example.org";
        await h.AddContactAsync("GRD", focal, "en");
        var (_, key) = await h.Pipeline.IssueKeyAsync("GRD");
        var id = (await h.Pipeline.UploadAsync(key, "country=GRD&year=2021", Unique(Accepted), "text/csv")).Json.GetProperty("id").GetString()!;

        faults.Arm(new StorageFault(StorageService.Queue, "POST", "/notifications/messages", 1));
        await h.Pipeline.ProcessAllAsync();
        Assert.True(faults.Fired);
        Assert.Equal("accepted", (await h.Pipeline.GetSubmissionAsync(key, id)).Json.GetProperty("status").GetString());
        faults.Heal();
        Assert.Empty(await h.PeekQueuedAsync());

        // The sweep leaves a fresh outbox row alone (processing may still be queuing it), then queues it once stale.
        await h.Pipeline.Function<SweepNotificationOutbox>().Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        Assert.Empty(await h.PeekQueuedAsync());
        h.Pipeline.Clock.Advance(TimeSpan.FromMinutes(11));
        await h.Pipeline.Function<SweepNotificationOutbox>().Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), CancellationToken.None);
        Assert.Contains(await h.PeekQueuedAsync(), m => m.Id == $"verdict~{id}~accepted");

        Assert.Empty(await h.DeliverQueuedAsync());
        Assert.Equal($"verdict~{id}~accepted", Assert.Single(h.Mail.To(focal)).Headers["X-Observatory-Notification"]);
        h.AssertNotLogged(focal);
    }

    [Fact]
    public async Task A_failed_submission_is_announced_and_a_poisoned_notification_is_listed_for_staff_without_addresses()
    {
        await using var h = await NotificationHarness.StartAsync();
        await h.ClearContactsAsync("BRB");
        const string focal = "focal@brb.example.org";
        await h.AddContactAsync("BRB", focal, "es");
        var (_, key) = await h.Pipeline.IssueKeyAsync("BRB");
        var id = (await h.Pipeline.UploadAsync(key, "country=BRB&year=2021", Unique(Accepted), "text/csv")).Json.GetProperty("id").GetString()!;
        await h.Pipeline.SubmissionsQueue.ClearMessagesAsync();
        await h.Pipeline.Function<FailPoisonedSubmission>().Run(id, CancellationToken.None);
        Assert.Empty(await h.DeliverQueuedAsync());
        var mail = Assert.Single(h.Mail.To(focal));
        Assert.Equal("Observatorio: el informe de Barbados para 2021 no se pudo procesar", mail.Subject);
        Assert.DoesNotContain("/report", mail.TextBody);

        // What the host does after the last retry: the message moves to the poison queue, where staff see it.
        await h.PoisonQueue.SendMessageAsync(NotificationMessage.Verdict(id, "failed").Serialize());
        var listed = await h.Pipeline.InvokeAsync(h.Pipeline.Request("GET", "/api/admin/notifications/poison", key: h.Pipeline.AdminKey),
            r => h.Pipeline.Function<ListPoisonedNotifications>().Run(r, CancellationToken.None));
        Assert.Equal(200, listed.Status);
        var poisoned = Assert.Single(listed.Json.GetProperty("notifications").EnumerateArray());
        Assert.Equal(id, poisoned.GetProperty("submissionId").GetString());
        Assert.Equal("verdict", poisoned.GetProperty("kind").GetString());
        Assert.DoesNotContain("@", listed.Text);
        Assert.Equal(403, (await h.Pipeline.InvokeAsync(h.Pipeline.Request("GET", "/api/admin/notifications/poison", key: key),
            r => h.Pipeline.Function<ListPoisonedNotifications>().Run(r, CancellationToken.None))).Status);
        h.AssertNotLogged(focal);
    }
}

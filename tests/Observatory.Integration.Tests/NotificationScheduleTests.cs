using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Observatory.Functions.Notifications;
using Observatory.Functions.Submissions;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

/// <summary>
/// Reminders before the deadline (1 March of the year after the reporting year) on the reminder days only, to the
/// participating states that have not reported; the staff's daily summary. Time is a FakeTimeProvider moved a day at a
/// time; nothing sleeps. The reporting year 2030 is used by these tests alone.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class NotificationScheduleTests
{
    private const int Year = 2030;

    [Fact]
    public async Task Reminders_go_out_30_7_and_1_days_before_the_deadline_only_to_participating_states_that_have_not_reported()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 1, 20, 8, 0, 0, TimeSpan.Zero));
        await using var h = await NotificationHarness.StartAsync(clock);
        await h.ClearContactsAsync("DMA", "TTO", "CUB", "NIC");
        const string reported = "focal@dma.example.org", late = "punto.focal@tto.example.org", cuba = "focal@cub.example.org", nicaragua = "focal@nic.example.org";
        await h.AddContactAsync("DMA", reported, "en");
        await h.AddContactAsync("TTO", late, "es");
        await h.AddContactAsync("CUB", cuba, "es");
        await h.AddContactAsync("NIC", nicaragua, "es");
        var (_, key) = await h.Pipeline.IssueKeyAsync("DMA");
        Assert.Equal(202, (await h.Pipeline.UploadAsync(key, $"country=DMA&year={Year}", ReturnFiles.Csv([[$"Run {Guid.NewGuid():N}"], ["Indicator", "Value"], ["POL_HOTLINE", "YES"]]), "text/csv")).Status);
        await h.Pipeline.ProcessAllAsync();
        await h.Queue.ClearMessagesAsync(); // DMA's verdict

        var remindedOn = new Dictionary<DateOnly, List<string>>();
        for (var day = 0; day < 45; day++)
        {
            await h.Pipeline.Function<QueueReminders>().Run(new TimerInfo(), CancellationToken.None);
            var queued = await h.PeekQueuedAsync();
            if (queued.Count > 0) remindedOn[DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)] = [.. queued.Select(m => m.Country!)];
            Assert.Empty(await h.DeliverQueuedAsync());
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal([new DateOnly(2031, 1, 30), new DateOnly(2031, 2, 22), new DateOnly(2031, 2, 28)], remindedOn.Keys.Order());
        // Every participating state without accepted data for the year (other runs against this Azurite may have reported some).
        var observations = h.Pipeline.Services.GetRequiredService<IObservationStore>();
        var expected = new List<string>();
        foreach (var state in ReferenceDataSet.Default.States.All.Where(s => s.ParticipatedIn(Year)).OrderBy(s => s.Iso3, StringComparer.Ordinal))
            if (await observations.ReadCurrentAsync(state.Iso3, Year, null, CancellationToken.None) is null) expected.Add(state.Iso3);
        Assert.Contains("TTO", expected);
        Assert.DoesNotContain("DMA", expected);
        Assert.All(remindedOn.Values, states => Assert.Equal(expected, states.Order(StringComparer.Ordinal)));
        Assert.DoesNotContain("CUB", expected);
        Assert.DoesNotContain("NIC", expected);

        Assert.Empty(h.Mail.To(reported));
        Assert.Empty(h.Mail.To(cuba));
        Assert.Empty(h.Mail.To(nicaragua));
        Assert.Equal([
            "Observatorio: quedan 30 días para enviar el informe de Trinidad y Tobago para 2030",
            "Observatorio: quedan 7 días para enviar el informe de Trinidad y Tobago para 2030",
            "Observatorio: quedan 1 días para enviar el informe de Trinidad y Tobago para 2030",
        ], h.Mail.To(late).Select(m => m.Subject));
        Assert.Contains("1 de marzo de 2031", h.Mail.To(late)[0].TextBody);
        h.AssertNotLogged(reported, late, cuba, nicaragua);
    }

    [Fact]
    public async Task A_state_that_reports_after_its_reminder_was_queued_is_not_reminded()
    {
        // A reporting year of this run alone (Azurite keeps earlier runs' data), 7 days before its deadline.
        var year = Random.Shared.Next(2040, 2900);
        // Counted back from the deadline (1 March): in a leap year 22 February is 8 days before it, not 7.
        var clock = new FakeTimeProvider(new DateTimeOffset(year + 1, 3, 1, 8, 0, 0, TimeSpan.Zero).AddDays(-7));
        await using var h = await NotificationHarness.StartAsync(clock);
        await h.ClearContactsAsync("JAM");
        const string focal = "focal@jam.example.org";
        await h.AddContactAsync("JAM", focal, "en");
        var (_, key) = await h.Pipeline.IssueKeyAsync("JAM");
        await h.Pipeline.Function<QueueReminders>().Run(new TimerInfo(), CancellationToken.None);
        Assert.Contains(await h.PeekQueuedAsync(), m => m.Country == "JAM");

        Assert.Equal(202, (await h.Pipeline.UploadAsync(key, $"country=JAM&year={year}", ReturnFiles.Csv([[$"Run {Guid.NewGuid():N}"], ["Indicator", "Value"], ["POL_HOTLINE", "YES"]]), "text/csv")).Status);
        await h.Pipeline.ProcessAllAsync();
        Assert.Empty(await h.DeliverQueuedAsync());
        Assert.Equal(["verdict"], h.Mail.To(focal).Select(m => m.Headers["X-Observatory-Notification"]!.Split('~')[0]));
    }

    [Fact]
    public async Task Staff_receive_a_daily_summary_of_the_days_failures_and_the_late_states()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 3, 10, 10, 0, 0, TimeSpan.Zero));
        const string staff1 = "secretariat@iin.example.org", staff2 = "director@iin.example.org";
        await using var h = await NotificationHarness.StartAsync(clock, settings: new Dictionary<string, string?>
        {
            ["Observatory:Notifications:StaffAddresses"] = $"{staff1}; {staff2}",
            ["Observatory:Notifications:StaffLanguage"] = "es",
        });
        // Azurite keeps the markers of an earlier run's summary of the same day, which would rightly stop a second one.
        var ledger = h.Pipeline.Tables.GetTableClient(Observatory.Storage.StorageNames.NotificationsTable);
        await foreach (var marker in ledger.QueryAsync<Azure.Data.Tables.TableEntity>("PartitionKey eq 'summary~2031-03-10'"))
            await ledger.DeleteEntityAsync(marker.PartitionKey, marker.RowKey);
        var (_, key) = await h.Pipeline.IssueKeyAsync("GUY");
        var upload = await h.Pipeline.UploadAsync(key, $"country=GUY&year={Year}", ReturnFiles.Csv([[$"Run {Guid.NewGuid():N}"], ["Indicator", "Value"], ["POL_HOTLINE", "YES"]]), "text/csv");
        var id = upload.Json.GetProperty("id").GetString()!;
        await h.Pipeline.SubmissionsQueue.ClearMessagesAsync();
        await h.Pipeline.Function<FailPoisonedSubmission>().Run(id, CancellationToken.None);
        await h.Queue.ClearMessagesAsync();

        clock.Advance(TimeSpan.FromHours(21)); // 07:00 the next day
        await h.Pipeline.Function<QueueDailySummary>().Run(new TimerInfo(), CancellationToken.None);
        Assert.Empty(await h.DeliverQueuedAsync());

        var mails = h.Mail.Received.ToList();
        Assert.Equal(2, mails.Count);
        Assert.Equal([staff1, staff2], mails.Select(m => m.To.Mailboxes.Single().Address).Order().Reverse());
        var summary = mails[0];
        Assert.StartsWith("Observatorio: resumen diario del 2031-03-10 (", summary.Subject);
        Assert.Contains($"- {id} (GUY {Year})", summary.TextBody);
        Assert.Contains("- GUY Guyana", summary.TextBody);
        Assert.Contains("pasada la fecha límite del 2031-03-01", summary.TextBody);
        h.AssertNotLogged(staff1, staff2);
    }
}

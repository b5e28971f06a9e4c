using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Observatory.Core.Languages;
using Observatory.Core.Observations;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Observatory.Core.Submissions;

namespace Observatory.Core.Notifications;

/// <summary>
/// Sends a queued notification: looks up its recipients, writes each mail in the recipient's language, sends it, and
/// then marks it sent. A recipient already marked is skipped, so a message delivered again after a crash, or retried
/// after a failure part-way through the recipients, mails nobody twice. The one window left: a mail the server took,
/// whose marker could not be written (the process stopped or storage failed between the two), is sent again on retry.
/// Logs name notifications and contact ids, never an address.
/// </summary>
public sealed class NotificationSender
{
    private readonly INotificationLedger _ledger;
    private readonly IMailSender _mail;
    private readonly IContactStore _contacts;
    private readonly ISubmissionStore _submissions;
    private readonly IObservationStore _observations;
    private readonly CoverageQuery _coverage;
    private readonly ReferenceDataSet _referenceData;
    private readonly MailComposer _composer;
    private readonly ReportingCalendar _calendar;
    private readonly NotificationOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<NotificationSender> _logger;

    /// <summary>Creates the sender.</summary>
    public NotificationSender(INotificationLedger ledger, IMailSender mail, IContactStore contacts, ISubmissionStore submissions,
        IObservationStore observations, CoverageQuery coverage, ReferenceDataSet referenceData, MailComposer composer,
        ReportingCalendar calendar, ObservatoryOptions options, TimeProvider clock, ILogger<NotificationSender> logger)
    {
        _ledger = ledger;
        _mail = mail;
        _contacts = contacts;
        _submissions = submissions;
        _observations = observations;
        _coverage = coverage;
        _referenceData = referenceData;
        _composer = composer;
        _calendar = calendar;
        _options = options.Notifications;
        _clock = clock;
        _logger = logger;
    }

    private sealed record Recipient(string Key, string Address, Language Language);

    /// <summary>Sends the notification to every recipient not yet marked; throws when a mail could not be sent, so the queue retries.</summary>
    public async Task SendAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        var (recipients, compose) = await PlanAsync(message, cancellationToken);
        if (recipients.Count == 0)
        {
            _logger.LogInformation("Notification {NotificationId}: nobody to send it to", message.Id);
            return;
        }
        var sent = await _ledger.SentToAsync(message.Id, cancellationToken);
        var count = 0;
        foreach (var recipient in recipients.Where(r => !sent.Contains(r.Key)))
        {
            var content = compose(recipient.Language);
            await _mail.SendAsync(new OutgoingMail(recipient.Address, recipient.Language, content.Subject, content.Text, message.Id), cancellationToken);
            // Written after the send: a marker never claims a mail that was not sent (at least once, not at most once).
            await _ledger.MarkSentAsync(message.Id, recipient.Key, _clock.GetUtcNow(), CancellationToken.None);
            count++;
            _logger.LogInformation("Notification {NotificationId} sent to {Recipient}", message.Id, recipient.Key);
        }
        _logger.LogInformation("Notification {NotificationId}: {Sent} mails sent, {Skipped} already sent before", message.Id, count, recipients.Count - count);
    }

    private async Task<(IReadOnlyList<Recipient>, Func<Language, MailContent>)> PlanAsync(NotificationMessage message, CancellationToken cancellationToken)
    {
        static (IReadOnlyList<Recipient>, Func<Language, MailContent>) Nothing() => ([], _ => throw new InvalidOperationException());
        switch (message.Kind)
        {
            case NotificationKind.Verdict:
            {
                var submission = message.SubmissionId is { } id ? await _submissions.FindAsync(id, cancellationToken) : null;
                // Announced only in the status the message names: a submission reprocessed meanwhile has its own verdict.
                if (submission is null || !submission.Status.IsFinal() || submission.Status.ToApiName() != message.Status)
                {
                    _logger.LogInformation("Notification {NotificationId}: the submission is not {Status} (now {Current}); not sent",
                        message.Id, message.Status, submission?.Status.ToApiName() ?? "unknown");
                    return Nothing();
                }
                var state = _referenceData.States.FindByIso3(submission.Country)!;
                return (await ContactsOfAsync(submission.Country, cancellationToken), language => _composer.Verdict(submission, state, language));
            }
            case NotificationKind.Reminder:
            {
                if (message.Country is not { } country || message.Year is not { } year || message.DaysLeft is not { } daysLeft
                    || _referenceData.States.FindByIso3(country) is not { } state)
                    throw new FormatException($"Reminder {message.Id} lacks its state, year or days.");
                // The state may have reported since the reminder was queued.
                if (await _observations.ReadCurrentAsync(country, year, null, cancellationToken) is not null)
                {
                    _logger.LogInformation("Notification {NotificationId}: {Country} has reported for {Year} since; not sent", message.Id, country, year);
                    return Nothing();
                }
                var deadline = _calendar.DeadlineOf(year);
                return (await ContactsOfAsync(country, cancellationToken), language => _composer.Reminder(state, year, daysLeft, deadline, language));
            }
            case NotificationKind.Summary:
            {
                var addresses = _options.StaffAddressList();
                if (addresses.Count == 0 || message.Day is not { } day) return Nothing();
                var failed = await FailedOnAsync(day, cancellationToken);
                var lateYear = _calendar.LastClosedYear(day.AddDays(1));
                var late = (await _coverage.ForYearAsync(lateYear, cancellationToken)).Where(s => s.Participating && !s.Reported)
                    .Select(s => _referenceData.States.FindByIso3(s.Country)!).ToList();
                var staffLanguage = LanguageCodes.TryParse(_options.StaffLanguage, out var l) ? l : Language.En;
                var deadline = _calendar.DeadlineOf(lateYear);
                return ([.. addresses.Select(a => new Recipient(StaffKey(a), a, staffLanguage))],
                    language => _composer.Summary(day, failed, lateYear, deadline, late, language));
            }
            default:
                throw new FormatException($"Notification {message.Id} has an unknown kind.");
        }
    }

    private async Task<IReadOnlyList<Recipient>> ContactsOfAsync(string country, CancellationToken cancellationToken) =>
        [.. (await _contacts.ListAsync(country, cancellationToken)).Select(c => new Recipient(c.Id, c.Email, c.Language))];

    /// <summary>The submissions that became failed on <paramref name="day"/> (UTC).</summary>
    private async Task<IReadOnlyList<Submission>> FailedOnAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddDays(1);
        var lists = await Task.WhenAll(_referenceData.States.All.Select(s => _submissions.ListAsync(s.Iso3, null, cancellationToken)));
        return [.. lists.SelectMany(l => l)
            .Where(s => s.Status == SubmissionStatus.Failed && s.CompletedAt is { } at && at >= start && at < end)
            .OrderBy(s => s.CompletedAt)];
    }

    /// <summary>The marker key of a staff address: a hash, so no marker holds an address.</summary>
    private static string StaffKey(string address) =>
        "staff-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address.ToLowerInvariant())))[..16];
}

using System.Globalization;
using System.Text;
using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;
using Observatory.Core.Submissions;
using Observatory.Core.Validation;

namespace Observatory.Core.Notifications;

/// <summary>A mail's subject and plain-text body.</summary>
/// <param name="Subject">The subject line.</param>
/// <param name="Text">The body.</param>
public sealed record MailContent(string Subject, string Text);

/// <summary>Writes the notifications' mails in a recipient's language, from the "mail.*" messages of the <see cref="MessageCatalog"/>.</summary>
public sealed class MailComposer
{
    private readonly MessageCatalog _messages;
    private readonly string _publicUrl;

    /// <summary>Creates the composer; links start with <see cref="NotificationOptions.PublicUrl"/>.</summary>
    public MailComposer(NotificationOptions options, MessageCatalog? messages = null)
    {
        _messages = messages ?? MessageCatalog.Default;
        _publicUrl = options.PublicUrl.TrimEnd('/');
    }

    /// <summary>The link to a submission's validation report, as a page in <paramref name="language"/>.</summary>
    public string ReportLink(string submissionId, Language language) =>
        $"{_publicUrl}/api/submissions/{Uri.EscapeDataString(submissionId)}/report?format=html&lang={language.ToCode()}";

    /// <summary>The focal point's page of the portal.</summary>
    public string PortalLink => $"{_publicUrl}/api/portal/focal-point.html";

    /// <summary>The verdict of <paramref name="submission"/> (accepted, rejected or failed).</summary>
    public MailContent Verdict(Submission submission, MemberState state, Language language)
    {
        var status = submission.Status.ToApiName();
        var name = state.Names[language];
        var year = Number(submission.Year, language);
        var counts = submission.Counts;
        var subject = Text($"mail.verdict.{status}.subject", language, name, year, Number(counts.Errors, language));
        var body = new StringBuilder()
            .AppendLine(Text("mail.greeting", language)).AppendLine()
            .AppendLine(Text($"mail.verdict.{status}.body", language, name, year, submission.Id,
                Number(submission.Status == SubmissionStatus.Rejected ? counts.Errors : counts.Rows, language),
                Number(counts.Observations, language), Number(counts.Warnings, language)));
        if (submission.Status != SubmissionStatus.Failed)
            body.AppendLine().AppendLine(Text("mail.verdict.report", language, ReportLink(submission.Id, language)));
        body.AppendLine(Text("mail.portal", language, PortalLink));
        return new MailContent(subject, Signed(body, language, name));
    }

    /// <summary>The reminder of <paramref name="state"/>, <paramref name="daysLeft"/> days before <paramref name="deadline"/>.</summary>
    public MailContent Reminder(MemberState state, int year, int daysLeft, DateOnly deadline, Language language)
    {
        var name = state.Names[language];
        var args = new[] { name, Number(year, language), Number(daysLeft, language), deadline.ToString("D", Culture(language)) };
        var body = new StringBuilder()
            .AppendLine(Text("mail.greeting", language)).AppendLine()
            .AppendLine(Text("mail.reminder.body", language, args)).AppendLine()
            .AppendLine(Text("mail.portal", language, PortalLink));
        return new MailContent(Text("mail.reminder.subject", language, args), Signed(body, language, name));
    }

    /// <summary>The staff's summary of <paramref name="day"/>: the submissions failed that day and the states late for <paramref name="lateYear"/>.</summary>
    public MailContent Summary(DateOnly day, IReadOnlyList<Submission> failed, int lateYear, DateOnly deadline, IReadOnlyList<MemberState> late, Language language)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var none = Text("mail.summary.none", language);
        var body = new StringBuilder()
            .AppendLine(Text("mail.summary.failed", language, Number(failed.Count, language)));
        foreach (var submission in failed)
            body.AppendLine(CultureInfo.InvariantCulture, $"- {submission.Id} ({submission.Country} {submission.Year}): {submission.FailureReason}");
        if (failed.Count == 0) body.AppendLine("- " + none);
        body.AppendLine()
            .AppendLine(Text("mail.summary.late", language, Number(lateYear, language), deadline.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Number(late.Count, language)));
        foreach (var state in late) body.AppendLine(CultureInfo.InvariantCulture, $"- {state.Iso3} {state.Names[language]}");
        if (late.Count == 0) body.AppendLine("- " + none);
        body.AppendLine().AppendLine(Text("mail.summary.staffPage", language, $"{_publicUrl}/api/portal/staff.html"));
        return new MailContent(Text("mail.summary.subject", language, date, Number(failed.Count, language), Number(late.Count, language)), body.ToString());
    }

    private string Signed(StringBuilder body, Language language, string stateName) =>
        body.AppendLine().AppendLine("-- ").AppendLine(Text("mail.signature", language, stateName)).ToString();

    private string Text(string key, Language language, params string[] arguments) => _messages.Render(key, language, arguments);

    private static string Number(int value, Language language) => value.ToString(value >= 10_000 ? "N0" : "D", Culture(language));

    private static CultureInfo Culture(Language language) => CultureInfo.GetCultureInfo(language.ToCode());
}

using System.Globalization;
using Observatory.Core.Problems;
using Observatory.Core.ReferenceData;
using Observatory.Core.Submissions;
using Observatory.Core.Validation;

namespace Observatory.Core.Reports;

/// <summary>One line of a report's summary: a label, its value, and the style class of the value on a page.</summary>
internal sealed record ReportDetail(string Label, string Value, string? CssClass = null);

/// <summary>
/// The summary both report forms open with, worded for what the report is of: a submission names its id and when it
/// was received; a dry run says when the file was checked, that its verdict is valid or invalid and that nothing was
/// stored, so neither form claims a storing that did not happen.
/// </summary>
internal static class ReportSummary
{
    /// <summary>The summary's lines, in order.</summary>
    public static IReadOnlyList<ReportDetail> Details(ReportTexts texts, MemberStateRegistry states, Submission submission, SubmissionReport report)
    {
        var check = texts.Kind == ReportKind.Check;
        var state = states.FindByIso3(submission.Country);
        var details = new List<ReportDetail>();
        if (!check) details.Add(new(texts.Get("submission"), submission.Id));
        details.Add(new(texts.Get("country"), state is null ? submission.Country : $"{state.Names[texts.Language]} ({state.Iso3})"));
        details.Add(new(texts.Get("year"), Invariant(submission.Year)));
        details.Add(new(texts.Get("file"), submission.FileName));
        details.Add(new(texts.Get(check ? "checked" : "received"), submission.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
        details.Add(new(texts.Get("status"), texts.Status(submission.Status), "status-" + StatusName(submission.Status, texts.Kind)));
        details.Add(new(texts.Get("rows"), Invariant(submission.Counts.Rows)));
        details.Add(new(texts.Get(check ? "observations.check" : "observations"), Invariant(submission.Counts.Observations)));
        details.Add(new(texts.Get("errors"), Invariant(report.Errors.Count + report.Omitted.Where(o => o.Severity == Severity.Error).Sum(o => o.Count))));
        details.Add(new(texts.Get("warnings"), Invariant(report.Warnings.Count + report.Omitted.Where(o => o.Severity == Severity.Warning).Sum(o => o.Count))));
        return details;
    }

    /// <summary>The paragraph that says what the verdict means and what to do; null while a submission has none.</summary>
    public static string? Introduction(ReportTexts texts, SubmissionStatus status) => (status, texts.Kind) switch
    {
        (SubmissionStatus.Accepted, ReportKind.Check) => texts.Get("intro.valid"),
        (SubmissionStatus.Rejected, ReportKind.Check) => texts.Get("intro.invalid"),
        (SubmissionStatus.Accepted, _) => texts.Get("intro.accepted"),
        (SubmissionStatus.Rejected, _) => texts.Get("intro.rejected"),
        _ => null,
    };

    /// <summary>The verdict's name in the API: accepted or rejected for a submission, valid or invalid for a dry run.</summary>
    public static string StatusName(SubmissionStatus status, ReportKind kind) => (status, kind) switch
    {
        (SubmissionStatus.Accepted, ReportKind.Check) => "valid",
        (SubmissionStatus.Rejected, ReportKind.Check) => "invalid",
        _ => status.ToApiName(),
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

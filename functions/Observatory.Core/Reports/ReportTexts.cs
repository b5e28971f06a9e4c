using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Submissions;
using Observatory.Core.Validation;

namespace Observatory.Core.Reports;

/// <summary>The report's own wording, from the "report.*" messages, and its problems rendered in one language.</summary>
internal sealed class ReportTexts(MessageCatalog messages, Language language, ReportKind kind = ReportKind.Submission)
{
    public Language Language => language;

    /// <summary>What the report is of: a stored submission or a dry run.</summary>
    public ReportKind Kind => kind;

    /// <summary>The text of "report.<paramref name="key"/>" with its arguments.</summary>
    public string Get(string key, params string[] arguments) => messages.Render("report." + key, language, arguments);

    /// <summary>The problem's message.</summary>
    public string Message(Problem problem) => messages.Render(problem, language);

    /// <summary>"Error" or "Warning".</summary>
    public string Severity(Severity severity) => Get(severity == Problems.Severity.Error ? "severity.error" : "severity.warning");

    /// <summary>The status as a person reads it.</summary>
    public string Status(SubmissionStatus status) => Get("status." + ReportSummary.StatusName(status, kind));

    /// <summary>The line that says how many problems of a type were not listed one by one.</summary>
    public string Omitted(ProblemCount omitted) => RenderedOmission.Explain(omitted, language, messages);

    /// <summary>"Error in column F: …", or "Error: …" for a problem of the whole row.</summary>
    public string Line(Problem problem) => problem.Column is { Length: > 0 } column
        ? Get("problem-line", Severity(problem.Severity), column, Message(problem))
        : Get("problem-line.row", Severity(problem.Severity), Message(problem));
}

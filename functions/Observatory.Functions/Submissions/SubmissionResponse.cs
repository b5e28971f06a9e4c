using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Observatory.Core.Languages;
using Observatory.Core.Submissions;
using Observatory.Core.Validation;
using Observatory.Functions.Http;

namespace Observatory.Functions.Submissions;

/// <summary>A submission as the API shows it (api.md, GET /api/submissions/{id}).</summary>
public sealed record SubmissionResponse(
    string Id,
    string Country,
    int Year,
    string Status,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? CompletedAt,
    string FileName,
    string Sha256,
    long Size,
    string Language,
    string StatusUrl,
    SubmissionCounts Counts,
    IReadOnlyList<RenderedProblem>? Errors,
    IReadOnlyList<RenderedProblem>? Warnings,
    string? FailureReason,
    string Mode,
    string? Replaces)
{
    /// <summary>409 for the report of a submission that has none: not checked yet, or failed (staff can process it again).</summary>
    public static IActionResult NoReportYet(Submission submission)
    {
        var detail = submission.Status == SubmissionStatus.Failed
            ? $"Submission {submission.Id} could not be processed, so it has no report; staff have been alerted and can process it again."
            : $"Submission {submission.Id} is {submission.Status.ToApiName()}: its report is ready once it has been checked. Try again in a minute.";
        return ApiResults.Problem(StatusCodes.Status409Conflict, "No report yet", detail);
    }

    /// <summary>202 for a new submission, with its status URL in Location.</summary>
    public static IActionResult Accepted(HttpRequest request, Submission submission)
    {
        request.HttpContext.Response.Headers.Location = StatusUrlOf(submission.Id);
        return ApiResults.Json(Summary(submission, showFailureReason: false), StatusCodes.Status202Accepted);
    }

    /// <summary>The URL of a submission's status.</summary>
    public static string StatusUrlOf(string id) => $"/api/submissions/{id}";

    /// <summary>The summary shown on upload and in lists: no problems.</summary>
    public static SubmissionResponse Summary(Submission s, bool showFailureReason) =>
        new(s.Id, s.Country, s.Year, s.Status.ToApiName(), s.ReceivedAt, s.CompletedAt, s.FileName, s.Sha256, s.Size,
            s.Language.ToCode(), StatusUrlOf(s.Id), s.Counts, null, null, showFailureReason ? s.FailureReason : null,
            s.Mode.ToString().ToLowerInvariant(), s.Replaces);

    /// <summary>The full view, with the report's problems rendered in <paramref name="language"/>.</summary>
    public static SubmissionResponse Full(Submission s, SubmissionReport? report, Language language, bool showFailureReason) =>
        Summary(s, showFailureReason) with
        {
            Errors = report is null ? [] : RenderedProblem.FromAll(report.Errors, language),
            Warnings = report is null ? [] : RenderedProblem.FromAll(report.Warnings, language),
            Omitted = report is null ? [] : RenderedOmission.FromAll(report.Omitted, language),
        };

    /// <summary>
    /// The problems found beyond those listed in <see cref="Errors"/> and <see cref="Warnings"/> (which hold the first
    /// 1,000 of each), counted by type; null in summaries, absent when every problem is listed.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RenderedOmission>? Omitted { get; init; }
}

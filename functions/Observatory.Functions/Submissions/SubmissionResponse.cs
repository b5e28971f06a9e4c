using Observatory.Core.Languages;
using Observatory.Core.Submissions;
using Observatory.Core.Validation;

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

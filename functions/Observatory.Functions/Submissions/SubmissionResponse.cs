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
    IReadOnlyList<ProblemResponse>? Errors,
    IReadOnlyList<ProblemResponse>? Warnings,
    string? FailureReason)
{
    /// <summary>The URL of a submission's status.</summary>
    public static string StatusUrlOf(string id) => $"/api/submissions/{id}";

    /// <summary>The summary shown on upload and in lists: no problems.</summary>
    public static SubmissionResponse Summary(Submission s, bool showFailureReason) =>
        new(s.Id, s.Country, s.Year, s.Status.ToApiName(), s.ReceivedAt, s.CompletedAt, s.FileName, s.Sha256, s.Size,
            s.Language.ToCode(), StatusUrlOf(s.Id), s.Counts, null, null, showFailureReason ? s.FailureReason : null);

    /// <summary>The full view, with the report's problems rendered in <paramref name="language"/>.</summary>
    public static SubmissionResponse Full(Submission s, SubmissionReport? report, Language language, bool showFailureReason) =>
        Summary(s, showFailureReason) with
        {
            Errors = report?.Errors.Select(p => ProblemResponse.From(p, language)).ToList() ?? [],
            Warnings = report?.Warnings.Select(p => ProblemResponse.From(p, language)).ToList() ?? [],
        };
}

/// <summary>One problem of a report, located as the focal point sees the file, with its message rendered.</summary>
public sealed record ProblemResponse(string Type, string? Sheet, int? Row, string? Column, string? Field, string? Value, string Message)
{
    /// <summary>Renders a problem in <paramref name="language"/>.</summary>
    public static ProblemResponse From(Problem problem, Language language) =>
        new(problem.Type, problem.Sheet, problem.Row, problem.Column, problem.Field, problem.Value, MessageCatalog.Default.Render(problem, language));
}

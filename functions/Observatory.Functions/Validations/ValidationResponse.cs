using System.Text.Json.Serialization;
using Observatory.Core.Languages;
using Observatory.Core.Submissions;
using Observatory.Core.Validation;

namespace Observatory.Functions.Validations;

/// <summary>
/// A dry run's answer (api.md, POST /api/validations): the fields of a submission's status that describe the file and
/// its report, with the verdict <c>valid</c> or <c>invalid</c>; no id and no status URL, since nothing was stored.
/// </summary>
public sealed record ValidationResponse(
    string Country,
    int Year,
    string Status,
    DateTimeOffset CheckedAt,
    string FileName,
    string Sha256,
    long Size,
    string Language,
    string Mode,
    SubmissionCounts Counts,
    IReadOnlyList<RenderedProblem> Errors,
    IReadOnlyList<RenderedProblem> Warnings)
{
    /// <summary>The problems found beyond those listed (the first 1,000 of each), counted by type; absent when every problem is listed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<RenderedOmission>? Omitted { get; init; }

    /// <summary>The answer for a checked file, its problems rendered in <paramref name="language"/>.</summary>
    public static ValidationResponse Of(DryRunResult result, Language language) => Of(result.File!, result.Report!, result.Verdict!, language);

    private static ValidationResponse Of(Submission file, SubmissionReport report, string verdict, Language language) =>
        new(file.Country, file.Year, verdict, file.ReceivedAt, file.FileName, file.Sha256, file.Size,
            language.ToCode(), file.Mode.ToString().ToLowerInvariant(), file.Counts,
            RenderedProblem.FromAll(report.Errors, language), RenderedProblem.FromAll(report.Warnings, language))
        {
            Omitted = report.Omitted.Count == 0 ? null : RenderedOmission.FromAll(report.Omitted, language),
        };
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Languages;
using Observatory.Core.Ports;
using Observatory.Core.Reports;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;

namespace Observatory.Functions.Submissions;

/// <summary>
/// GET /api/submissions/{id}/report?format=xlsx|html[&amp;lang=es]: the validation report as a workbook of the focal
/// point's own rows with the problems marked, or as a page (the default); for the submitting state's focal point or
/// staff, in the submission's language or ?lang=.
/// </summary>
public sealed class GetSubmissionReport
{
    private readonly CallerAuthentication _authentication;
    private readonly ISubmissionStore _submissions;
    private readonly IReportStore _reports;
    private readonly SubmissionReportRenderer _renderer;

    /// <summary>Creates the function.</summary>
    public GetSubmissionReport(CallerAuthentication authentication, ISubmissionStore submissions, IReportStore reports, SubmissionReportRenderer renderer)
    {
        _authentication = authentication;
        _submissions = submissions;
        _reports = reports;
        _renderer = renderer;
    }

    /// <summary>Returns the report of one submission.</summary>
    [Function(nameof(GetSubmissionReport))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "submissions/{id}/report")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (await _authentication.AuthenticateAsync(request, cancellationToken) is not { } caller) return ApiResults.Unauthorized();
        if (!SubmissionId.TryParse(id, out var country, out _)) return ApiResults.NotFound($"There is no submission '{id}'.");
        if (!caller.CanActFor(country)) return ApiResults.Forbidden($"Submission {id} belongs to {country}; this key cannot read it.");

        var formatText = request.Query["format"].ToString();
        ReportFormat format;
        switch (formatText.ToLowerInvariant())
        {
            case "" or "html": format = ReportFormat.Html; break;
            case "xlsx": format = ReportFormat.Xlsx; break;
            default: return ApiResults.BadRequest($"'{formatText}' is not a report format: use format=xlsx or format=html.");
        }

        var submission = await _submissions.FindAsync(id, cancellationToken);
        if (submission is null) return ApiResults.NotFound($"There is no submission '{id}'.");
        var language = submission.Language;
        var lang = request.Query["lang"].ToString();
        if (lang.Length > 0 && !LanguageCodes.TryParse(lang, out language))
            return ApiResults.BadRequest($"'{lang}' is not a language of the observatory: use en, es, pt or fr.");

        var report = await _reports.FindAsync(id, cancellationToken);
        if (report is null)
        {
            var detail = submission.Status == SubmissionStatus.Failed
                ? $"Submission {id} could not be processed, so it has no report; staff have been alerted and can process it again."
                : $"Submission {id} is {submission.Status.ToApiName()}: its report is ready once it has been checked. Try again in a minute.";
            return ApiResults.Problem(StatusCodes.Status409Conflict, "No report yet", detail);
        }

        RenderedReport rendered;
        try
        {
            rendered = await _renderer.RenderAsync(submission, report, format, language, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return ApiResults.NotFound($"The file of submission {id} is no longer stored, so its rows cannot be shown; GET /api/submissions/{id} still lists its problems.");
        }
        request.HttpContext.Response.Headers.CacheControl = "private, no-store";
        return format == ReportFormat.Xlsx
            ? new FileContentResult(rendered.Content, rendered.ContentType) { FileDownloadName = rendered.FileName }
            : new FileContentResult(rendered.Content, rendered.ContentType);
    }
}

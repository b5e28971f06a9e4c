using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Languages;
using Observatory.Core.Ports;
using Observatory.Core.Reports;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Submissions;

/// <summary>
/// GET /api/submissions/{id}/report?format=xlsx|html[&amp;lang=es]: the validation report as a workbook of the focal
/// point's own rows with the problems marked, or as a page (the default); for the submitting state's focal point or
/// staff, in the submission's language or ?lang=.
/// </summary>
public sealed class GetSubmissionReport(SubmissionAccess access, IReportStore reports, SubmissionReportRenderer renderer)
{
    private readonly SubmissionAccess _access = access;
    private readonly IReportStore _reports = reports;
    private readonly SubmissionReportRenderer _renderer = renderer;

    /// <summary>Returns the report of one submission.</summary>
    [RequireCaller]
    [Function(nameof(GetSubmissionReport))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "submissions/{id}/report")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        if (!RequestParameters.TryReportFormat(request, ReportFormat.Html, out var chosen, out var badFormat)) return badFormat;
        var format = chosen!.Value;

        var (submission, refusal) = await _access.FindAsync(caller, id, cancellationToken);
        if (submission is null) return refusal!;
        if (!RequestParameters.TryLanguage(request, submission.Language, out var language, out refusal)) return refusal;

        var report = await _reports.FindAsync(id, cancellationToken);
        if (report is null) return SubmissionResponse.NoReportYet(submission);

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

using System.Runtime.InteropServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core;
using Observatory.Core.Reports;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Validations;

/// <summary>
/// POST /api/validations: a dry run. The file is read and validated at once, as a submission of it would be, and the
/// report is the answer (JSON, or with ?format=xlsx|html the annotated report); nothing is stored.
/// </summary>
public sealed class ValidateReturn(DryRun dryRun, SubmissionReportRenderer renderer, ObservatoryOptions options)
{
    private readonly DryRun _dryRun = dryRun;
    private readonly SubmissionReportRenderer _renderer = renderer;
    private readonly ObservatoryOptions _options = options;

    /// <summary>
    /// Takes the file as an upload takes it (raw body or the multipart field "file", within the same size limit and
    /// with the same refusals) and answers 200 with the report.
    /// </summary>
    [RequireCaller]
    [Function(nameof(ValidateReturn))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "validations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.HttpContext.RequestAborted);
        var token = linked.Token;
        if (!RequestParameters.TryReportFormat(request, null, out var format, out var badFormat)) return badFormat;
        var (intake, refusal) = await UploadedReturn.ReadAsync(request, _options.MaxUploadBytes, token);
        if (intake is null) return refusal!;
        var result = await _dryRun.CheckAsync(intake, token);
        if (result is not { File: { } file, Report: { } report })
            return IntakeRefusals.ToResult(result.Refusal, result.Detail!, _options.RetryAfterSeconds);

        request.HttpContext.Response.Headers.CacheControl = "private, no-store";
        if (format is not { } chosen) return ApiResults.Json(ValidationResponse.Of(result, file.Language));

        var rendered = _renderer.Render(Bytes(intake.Content), file, report, chosen, file.Language, ReportKind.Check);
        return chosen == ReportFormat.Xlsx
            ? new FileContentResult(rendered.Content, rendered.ContentType) { FileDownloadName = rendered.FileName }
            : new FileContentResult(rendered.Content, rendered.ContentType);
    }

    /// <summary>The upload's own array when it is exactly the file (as read), so a file of up to 25 MB is not copied again.</summary>
    private static byte[] Bytes(ReadOnlyMemory<byte> content) =>
        MemoryMarshal.TryGetArray(content, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length ? segment.Array : content.ToArray();
}

using Observatory.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Submissions;

/// <summary>POST /api/submissions: a focal point sends its return; the raw file is stored before the 202.</summary>
public sealed class UploadSubmission
{
    private readonly AuditTrail _audit;
    private readonly SubmissionIntake _intake;
    private readonly ObservatoryOptions _options;

    /// <summary>Creates the function.</summary>
    public UploadSubmission(AuditTrail audit, SubmissionIntake intake, ObservatoryOptions options)
    {
        _audit = audit;
        _intake = intake;
        _options = options;
    }

    /// <summary>
    /// Receives the file, raw with its content type or as the field "file" of a multipart form. Stops when the
    /// client hangs up; answers 503 with Retry-After when storage cannot take the upload.
    /// </summary>
    [RequireCaller]
    [Function(nameof(UploadSubmission))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "submissions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // The invocation's token and the connection's: either ends the work (a client that hung up gets nothing parsed for it).
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.HttpContext.RequestAborted);
        var token = linked.Token;
        var (intake, refusal) = await UploadedReturn.ReadAsync(request, _options.MaxUploadBytes, token);
        if (intake is null) return refusal!;
        var caller = intake.Caller;
        var result = await _intake.ReceiveAsync(intake, token);

        if (result is { Submission: { } received, Created: true })
            await _audit.RecordAsync(caller, AuditActions.SubmissionUploaded, received.Country, received.Year, received.Id, received.Mode.ToString().ToLowerInvariant(), cancellationToken);
        return result switch
        {
            { Submission: { } created, Created: true } => SubmissionResponse.Accepted(request, created),
            { Submission: { } existing } => ApiResults.Json(SubmissionResponse.Summary(existing, caller.IsAdmin)),
            _ => IntakeRefusals.ToResult(result.Refusal, result.Detail!, _options.RetryAfterSeconds),
        };
    }
}

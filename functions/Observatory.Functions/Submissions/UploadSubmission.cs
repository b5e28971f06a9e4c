using Observatory.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core;
using Observatory.Core.Security;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;

namespace Observatory.Functions.Submissions;

/// <summary>POST /api/submissions: a focal point sends its return; the raw file is stored before the 202.</summary>
public sealed class UploadSubmission
{
    private readonly CallerAuthentication _authentication;
    private readonly AuditTrail _audit;
    private readonly SubmissionIntake _intake;
    private readonly ObservatoryOptions _options;

    /// <summary>Creates the function.</summary>
    public UploadSubmission(CallerAuthentication authentication, AuditTrail audit, SubmissionIntake intake, ObservatoryOptions options)
    {
        _authentication = authentication;
        _audit = audit;
        _intake = intake;
        _options = options;
    }

    /// <summary>
    /// Receives the file, raw with its content type or as the field "file" of a multipart form. Stops when the
    /// client hangs up; answers 503 with Retry-After when storage cannot take the upload.
    /// </summary>
    [Function(nameof(UploadSubmission))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "submissions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // The invocation's token and the connection's: either ends the work (a client that hung up gets nothing parsed for it).
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, request.HttpContext.RequestAborted);
        var token = linked.Token;
        Caller? caller;
        try
        {
            caller = await _authentication.AuthenticateAsync(request, token);
        }
        catch (Exception ex) when (StorageFailure.Is(ex, token))
        {
            return Unavailable("Storage cannot check the key right now; nothing was kept. Please send the file again in a few minutes.");
        }
        if (caller is null) return ApiResults.Unauthorized();
        if (!RequestParameters.TryYear(request, request.Query["year"], RequestParameters.MissingYear.Absent, out _, out var badYear)) return badYear;

        var upload = await UploadedFile.ReadAsync(request, _options.MaxUploadBytes, token);
        if (upload.Refusal is { } refusal) return refusal;

        var query = request.Query;
        var result = await _intake.ReceiveAsync(
            new IntakeRequest(caller, query["country"], query["year"], query["lang"], upload.FileName, upload.ContentType, upload.Content, query["mode"]),
            token);

        if (result is { Submission: { } received, Created: true })
            await _audit.RecordAsync(caller, AuditActions.SubmissionUploaded, received.Country, received.Year, received.Id, received.Mode.ToString().ToLowerInvariant(), cancellationToken);
        return result switch
        {
            { Submission: { } created, Created: true } => Accepted(request, created),
            { Submission: { } existing } => ApiResults.Json(SubmissionResponse.Summary(existing, caller.IsAdmin)),
            _ => IntakeRefusals.ToResult(result.Refusal, result.Detail!, _options.RetryAfterSeconds),
        };
    }

    private IActionResult Unavailable(string detail) => ApiResults.Unavailable(detail, _options.RetryAfterSeconds);

    private static IActionResult Accepted(HttpRequest request, Submission submission)
    {
        var statusUrl = SubmissionResponse.StatusUrlOf(submission.Id);
        request.HttpContext.Response.Headers.Location = statusUrl;
        return ApiResults.Json(SubmissionResponse.Summary(submission, showFailureReason: false), StatusCodes.Status202Accepted);
    }
}

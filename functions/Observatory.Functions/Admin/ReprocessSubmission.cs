using Observatory.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;
using Observatory.Functions.Submissions;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>POST /api/admin/submissions/{id}/reprocess (staff): puts a failed or a stuck queued submission back on the queue.</summary>
public sealed class ReprocessSubmission
{
    private readonly AuditTrail _audit;
    private readonly SubmissionAdministration _administration;

    /// <summary>Creates the function.</summary>
    public ReprocessSubmission(AuditTrail audit, SubmissionAdministration administration)
    {
        _audit = audit;
        _administration = administration;
    }

    /// <summary>Requeues the submission; 409 when it is neither failed nor queued.</summary>
    [RequireStaff("Only the observatory's staff can reprocess submissions.")]
    [Function(nameof(ReprocessSubmission))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Admin + "/submissions/{id}/reprocess")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();

        var (submission, requeued) = await _administration.ReprocessAsync(id, cancellationToken);
        if (submission is null) return ApiResults.NotFound($"There is no submission '{id}'.");
        if (!requeued)
            return ApiResults.Problem(StatusCodes.Status409Conflict, "Not failed",
                $"Submission {id} is {submission.Status.ToApiName()}; only failed or queued submissions are reprocessed. Send a new file to replace accepted data.");
        await _audit.RecordAsync(caller, AuditActions.SubmissionReprocessed, submission.Country, submission.Year, submission.Id, null, cancellationToken);
        request.HttpContext.Response.Headers.Location = SubmissionResponse.StatusUrlOf(id);
        return ApiResults.Json(SubmissionResponse.Summary(submission, showFailureReason: true), StatusCodes.Status202Accepted);
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;
using Observatory.Functions.Submissions;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Uploads;

/// <summary>
/// GET /api/uploads/{uploadId}: whether a direct upload has arrived, and the submission it became or why it was
/// refused; 404 for an id that does not exist or belongs to another state.
/// </summary>
public sealed class GetUpload
{
    private readonly DirectUploads _uploads;

    /// <summary>Creates the function.</summary>
    public GetUpload(DirectUploads uploads)
    {
        _uploads = uploads;
    }

    /// <summary>Returns the upload's state.</summary>
    [RequireCaller]
    [Function(nameof(GetUpload))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "uploads/{uploadId}")] HttpRequest request,
        string uploadId,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var ticket = await _uploads.FindAsync(uploadId, cancellationToken);
        // Another state's upload answers exactly as a missing one: which ids exist is not revealed.
        if (ticket is null || !caller.CanActFor(ticket.Country)) return ApiResults.NotFound($"There is no upload '{uploadId}'.");
        return ApiResults.Json(new
        {
            uploadId = ticket.UploadId,
            country = ticket.Country,
            year = ticket.Year,
            expiresAt = ticket.ExpiresAt,
            received = ticket.SubmissionId is not null || ticket.Refusal is not null,
            submissionId = ticket.SubmissionId,
            submissionUrl = ticket.SubmissionId is null ? null : SubmissionResponse.StatusUrlOf(ticket.SubmissionId),
            refusal = ticket.Refusal,
        });
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;
using Observatory.Functions.Submissions;

namespace Observatory.Functions.Uploads;

/// <summary>GET /api/uploads/{uploadId}: whether a direct upload has arrived, and the submission it became.</summary>
public sealed class GetUpload
{
    private readonly CallerAuthentication _authentication;
    private readonly DirectUploads _uploads;

    /// <summary>Creates the function.</summary>
    public GetUpload(CallerAuthentication authentication, DirectUploads uploads)
    {
        _authentication = authentication;
        _uploads = uploads;
    }

    /// <summary>Returns the upload's state.</summary>
    [Function(nameof(GetUpload))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "uploads/{uploadId}")] HttpRequest request,
        string uploadId,
        CancellationToken cancellationToken)
    {
        if (await _authentication.AuthenticateAsync(request, cancellationToken) is not { } caller) return ApiResults.Unauthorized();
        var ticket = await _uploads.FindAsync(uploadId, cancellationToken);
        if (ticket is null) return ApiResults.NotFound($"There is no upload '{uploadId}'.");
        if (!caller.CanActFor(ticket.Country)) return ApiResults.Forbidden($"Upload {uploadId} belongs to {ticket.Country}; this key cannot read it.");
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

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Uploads;

/// <summary>
/// POST /api/uploads?country=&amp;year=&amp;fileName=[&amp;lang=&amp;mode=]: a short-lived, write-only URL to one blob under the
/// state's own path, for files too large for an HTTP upload. PUT the file there (header x-ms-blob-type: BlockBlob);
/// the pipeline picks it up and GET /api/uploads/{uploadId} says which submission it became.
/// </summary>
public sealed class RequestUploadUrl
{
    private readonly DirectUploads _uploads;

    /// <summary>Creates the function.</summary>
    public RequestUploadUrl(DirectUploads uploads)
    {
        _uploads = uploads;
    }

    /// <summary>Issues the URL.</summary>
    [RequireCaller]
    [Function(nameof(RequestUploadUrl))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "uploads")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var query = request.Query;
        if (!RequestParameters.TryYear(request, query["year"], out _, out var badYear)) return badYear;
        var (ticket, url, refusal, detail) = await _uploads.IssueAsync(caller, query["country"], query["year"], query["fileName"], query["lang"], query["mode"], cancellationToken);
        if (refusal == IntakeRefusal.Forbidden) return ApiResults.Forbidden(detail!);
        if (ticket is null || url is null) return ApiResults.BadRequest(detail!);

        var statusUrl = $"/api/uploads/{ticket.UploadId}";
        request.HttpContext.Response.Headers.Location = statusUrl;
        return ApiResults.Json(new
        {
            uploadId = ticket.UploadId,
            country = ticket.Country,
            year = ticket.Year,
            uploadUrl = url.ToString(),
            method = "PUT",
            headers = new Dictionary<string, string> { ["x-ms-blob-type"] = "BlockBlob" },
            expiresAt = ticket.ExpiresAt,
            maxBytes = _uploads.MaxBytes,
            statusUrl,
        }, StatusCodes.Status201Created);
    }
}

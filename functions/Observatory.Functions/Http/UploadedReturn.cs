using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Observatory.Core.Submissions;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Http;

/// <summary>
/// A return sent to an upload route (POST /api/submissions, POST /api/validations), read the same way by both: the
/// year checked before the body is read, the file raw or from a multipart form within the size limit, and the query's
/// country, year, language and mode.
/// </summary>
public static class UploadedReturn
{
    /// <summary>The intake request of <paramref name="request"/>, or the refusal to answer instead.</summary>
    /// <param name="request">The upload, whose caller the middleware has authenticated.</param>
    /// <param name="maxBytes">The largest file accepted.</param>
    /// <param name="cancellationToken">Ends the reading, e.g. when the client hangs up.</param>
    public static async Task<(IntakeRequest? Request, IActionResult? Refusal)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        // A bad year is refused before a byte of the body is read.
        if (!RequestParameters.TryYear(request, request.Query["year"], RequestParameters.MissingYear.Absent, out _, out var badYear)) return (null, badYear);
        var upload = await UploadedFile.ReadAsync(request, maxBytes, cancellationToken);
        if (upload.Refusal is { } refusal) return (null, refusal);

        var query = request.Query;
        return (new IntakeRequest(request.GetCaller(), query["country"], query["year"], query["lang"], upload.FileName, upload.ContentType, upload.Content, query["mode"]), null);
    }
}

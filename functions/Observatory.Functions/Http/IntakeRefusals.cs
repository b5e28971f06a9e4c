using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Observatory.Core.Submissions;

namespace Observatory.Functions.Http;

/// <summary>The answer to a refused upload, the same for a submission and a dry run (api.md, POST /api/submissions).</summary>
public static class IntakeRefusals
{
    /// <summary>403, 409 (locked), 415, 503 with Retry-After, or 400 for a missing or invalid parameter.</summary>
    public static IActionResult ToResult(IntakeRefusal? refusal, string detail, int retryAfterSeconds) => refusal switch
    {
        IntakeRefusal.Forbidden => ApiResults.Forbidden(detail),
        IntakeRefusal.Locked => ApiResults.Problem(StatusCodes.Status409Conflict, "Locked", detail),
        IntakeRefusal.UnsupportedFormat => ApiResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported file type", detail),
        IntakeRefusal.Unavailable => ApiResults.Unavailable(detail, retryAfterSeconds),
        _ => ApiResults.BadRequest(detail),
    };
}

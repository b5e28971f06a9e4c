using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Ports;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Submissions;

/// <summary>GET /api/submissions?country=MEX&amp;year=2025: a state's submissions, newest first.</summary>
/// <param name="submissions">The submission records.</param>
public sealed class ListSubmissions(ISubmissionStore submissions)
{
    /// <summary>Lists the submissions of the caller's state (or, for staff, of the state given).</summary>
    [RequireCaller]
    [Function(nameof(ListSubmissions))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "submissions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();

        if (!RequestParameters.TryState(request, caller, out var state, out var refusal)) return refusal;
        var country = state.Iso3;

        if (!RequestParameters.TryYear(request, request.Query["year"], RequestParameters.MissingYear.Absent, out var year, out refusal)) return refusal;

        var listed = await submissions.ListAsync(country, year, cancellationToken);
        return ApiResults.Json(new
        {
            country,
            year,
            submissions = listed.Select(s => SubmissionResponse.Summary(s, caller.IsAdmin)),
        });
    }
}

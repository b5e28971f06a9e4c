using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Observations;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Submissions;

/// <summary>
/// GET /api/submissions/{id}/diff: what an accepted submission changed against the version it replaced: cells added,
/// removed and changed, with old and new values.
/// </summary>
public sealed class GetSubmissionDiff(SubmissionAccess access, IObservationStore observations)
{
    private readonly SubmissionAccess _access = access;
    private readonly IObservationStore _observations = observations;

    /// <summary>Returns the changes.</summary>
    [RequireCaller]
    [Function(nameof(GetSubmissionDiff))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "submissions/{id}/diff")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var (submission, refusal) = await _access.FindAsync(caller, id, cancellationToken);
        if (submission is null) return refusal!;
        var (country, year) = (submission.Country, submission.Year);
        if (submission.Status != SubmissionStatus.Accepted)
            return ApiResults.Problem(StatusCodes.Status409Conflict, "No data to compare", $"Submission {id} is {submission.Status.ToApiName()}: only accepted submissions have data.");

        var newer = await _observations.ReadVersionAsync(country, year, id, cancellationToken) ?? [];
        var older = submission.Replaces is null ? [] : await _observations.ReadVersionAsync(country, year, submission.Replaces, cancellationToken) ?? [];
        var changes = ObservationDiff.Compare(older, newer);
        return ApiResults.Json(SubmissionDiffResponse.Of(submission, changes));
    }
}

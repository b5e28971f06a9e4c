using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Observations;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;

namespace Observatory.Functions.Submissions;

/// <summary>
/// GET /api/submissions/{id}/diff: what an accepted submission changed against the version it replaced: cells added,
/// removed and changed, with old and new values.
/// </summary>
public sealed class GetSubmissionDiff
{
    private readonly CallerAuthentication _authentication;
    private readonly ISubmissionStore _submissions;
    private readonly IObservationStore _observations;

    /// <summary>Creates the function.</summary>
    public GetSubmissionDiff(CallerAuthentication authentication, ISubmissionStore submissions, IObservationStore observations)
    {
        _authentication = authentication;
        _submissions = submissions;
        _observations = observations;
    }

    /// <summary>Returns the changes.</summary>
    [Function(nameof(GetSubmissionDiff))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "submissions/{id}/diff")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (await _authentication.AuthenticateAsync(request, cancellationToken) is not { } caller) return ApiResults.Unauthorized();
        if (!SubmissionId.TryParse(id, out var country, out var year)) return ApiResults.NotFound($"There is no submission '{id}'.");
        if (!caller.CanActFor(country)) return ApiResults.Forbidden($"Submission {id} belongs to {country}; this key cannot read it.");

        var submission = await _submissions.FindAsync(id, cancellationToken);
        if (submission is null) return ApiResults.NotFound($"There is no submission '{id}'.");
        if (submission.Status != SubmissionStatus.Accepted)
            return ApiResults.Problem(StatusCodes.Status409Conflict, "No data to compare", $"Submission {id} is {submission.Status.ToApiName()}: only accepted submissions have data.");

        var newer = await _observations.ReadVersionAsync(country, year, id, cancellationToken) ?? [];
        var older = submission.Replaces is null ? [] : await _observations.ReadVersionAsync(country, year, submission.Replaces, cancellationToken) ?? [];
        var changes = ObservationDiff.Compare(older, newer);
        return ApiResults.Json(new
        {
            id,
            replaces = submission.Replaces,
            mode = submission.Mode,
            added = changes.Count(c => c.Change == "added"),
            removed = changes.Count(c => c.Change == "removed"),
            changed = changes.Count(c => c.Change == "changed"),
            changes = changes.Select(c => new
            {
                change = c.Change,
                indicator = c.Indicator,
                dimensions = c.Dimensions.ToDictionary(d => d.Key, d => d.Value),
                oldValue = ValueOf(c.OldValue),
                newValue = ValueOf(c.NewValue),
                oldNote = c.OldNote,
                newNote = c.NewNote,
            }),
        });
    }

    private static object? ValueOf(Observatory.Core.Domain.ObservationValue? value) =>
        value is not { } v ? null : v.Number is { } n ? n : v.Code;
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Observatory.Core.Ports;
using Observatory.Core.Security;
using Observatory.Core.Submissions;

namespace Observatory.Functions.Http;

/// <summary>Finds a submission for a caller: 404 for an id that is none, 403 for another state's, before any storage read of it.</summary>
public sealed class SubmissionAccess
{
    private readonly ISubmissionStore _submissions;

    /// <summary>Creates the finder.</summary>
    public SubmissionAccess(ISubmissionStore submissions) => _submissions = submissions;

    /// <summary>The submission, or the refusal to answer with.</summary>
    public async Task<(Submission? Submission, IActionResult? Refusal)> FindAsync(Caller caller, string id, CancellationToken cancellationToken)
    {
        // The id carries its state, so another state's submission is refused without reading it.
        if (!SubmissionId.TryParse(id, out var country, out _)) return (null, ApiResults.NotFound($"There is no submission '{id}'."));
        if (!caller.CanActFor(country)) return (null, ApiResults.Forbidden($"Submission {id} belongs to {country}; this key cannot read it."));
        var submission = await _submissions.FindAsync(id, cancellationToken);
        return submission is null ? (null, ApiResults.NotFound($"There is no submission '{id}'.")) : (submission, null);
    }
}

using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Submissions;

/// <summary>GET /api/submissions?country=MEX&amp;year=2025: a state's submissions, newest first.</summary>
public sealed class ListSubmissions
{
    private readonly ISubmissionStore _submissions;
    private readonly ReferenceDataSet _referenceData;

    /// <summary>Creates the function.</summary>
    public ListSubmissions(ISubmissionStore submissions, ReferenceDataSet referenceData)
    {
        _submissions = submissions;
        _referenceData = referenceData;
    }

    /// <summary>Lists the submissions of the caller's state (or, for staff, of the state given).</summary>
    [RequireCaller]
    [Function(nameof(ListSubmissions))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "submissions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();

        if (!RequestParameters.TryState(request, caller, _referenceData.States, out var state, out var refusal)) return refusal;
        var country = state.Iso3;

        int? year = null;
        var yearText = request.Query["year"].ToString();
        if (yearText.Length > 0)
        {
            if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return ApiResults.BadRequest($"'{yearText}' is not a year.");
            year = y;
        }

        var submissions = await _submissions.ListAsync(country, year, cancellationToken);
        return ApiResults.Json(new
        {
            country,
            year,
            submissions = submissions.Select(s => SubmissionResponse.Summary(s, caller.IsAdmin)),
        });
    }
}

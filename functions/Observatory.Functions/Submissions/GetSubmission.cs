using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Languages;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Submissions;

/// <summary>GET /api/submissions/{id}: status, counts and the report, in the submission's language or ?lang=.</summary>
public sealed class GetSubmission
{
    private readonly SubmissionAccess _access;
    private readonly IReportStore _reports;

    /// <summary>Creates the function.</summary>
    public GetSubmission(SubmissionAccess access, IReportStore reports)
    {
        _access = access;
        _reports = reports;
    }

    /// <summary>Returns one submission to its state's focal point or to staff.</summary>
    [RequireCaller]
    [Function(nameof(GetSubmission))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "submissions/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var (submission, refusal) = await _access.FindAsync(caller, id, cancellationToken);
        if (submission is null) return refusal!;
        if (!RequestParameters.TryLanguage(request, submission.Language, out var language, out refusal)) return refusal;

        var report = await _reports.FindAsync(id, cancellationToken);
        return ApiResults.Json(SubmissionResponse.Full(submission, report, language, caller.IsAdmin));
    }
}

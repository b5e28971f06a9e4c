using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Languages;
using Observatory.Core.Ports;
using Observatory.Core.Submissions;
using Observatory.Functions.Http;

namespace Observatory.Functions.Submissions;

/// <summary>GET /api/submissions/{id}: status, counts and the report, in the submission's language or ?lang=.</summary>
public sealed class GetSubmission
{
    private readonly CallerAuthentication _authentication;
    private readonly ISubmissionStore _submissions;
    private readonly IReportStore _reports;

    /// <summary>Creates the function.</summary>
    public GetSubmission(CallerAuthentication authentication, ISubmissionStore submissions, IReportStore reports)
    {
        _authentication = authentication;
        _submissions = submissions;
        _reports = reports;
    }

    /// <summary>Returns one submission to its state's focal point or to staff.</summary>
    [Function(nameof(GetSubmission))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "submissions/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        if (await _authentication.AuthenticateAsync(request, cancellationToken) is not { } caller) return ApiResults.Unauthorized();
        if (!SubmissionId.TryParse(id, out var country, out _)) return ApiResults.NotFound($"There is no submission '{id}'.");
        if (!caller.CanActFor(country)) return ApiResults.Forbidden($"Submission {id} belongs to {country}; this key cannot read it.");

        var submission = await _submissions.FindAsync(id, cancellationToken);
        if (submission is null) return ApiResults.NotFound($"There is no submission '{id}'.");

        var language = submission.Language;
        var lang = request.Query["lang"].ToString();
        if (lang.Length > 0 && !LanguageCodes.TryParse(lang, out language))
            return ApiResults.BadRequest($"'{lang}' is not a language of the observatory: use en, es, pt or fr.");

        var report = await _reports.FindAsync(id, cancellationToken);
        return ApiResults.Json(SubmissionResponse.Full(submission, report, language, caller.IsAdmin));
    }
}

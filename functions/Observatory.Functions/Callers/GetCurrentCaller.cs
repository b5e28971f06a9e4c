using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Callers;

/// <summary>
/// GET /api/me: who the presented credential stands for: staff, or the focal point of one state with that state's
/// names and working language. The web portal signs in with it; a script can check its key with it. 401 for no
/// credential or an unknown or revoked one.
/// </summary>
public sealed class GetCurrentCaller
{
    private readonly ReferenceDataSet _referenceData;

    /// <summary>Creates the function.</summary>
    public GetCurrentCaller(ReferenceDataSet referenceData)
    {
        _referenceData = referenceData;
    }

    /// <summary>Describes the caller.</summary>
    [RequireCaller]
    [Function(nameof(GetCurrentCaller))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        request.HttpContext.Response.Headers.CacheControl = "private, no-store";
        if (caller.IsAdmin) return ApiResults.Json(new { role = "staff", country = (string?)null });

        var state = _referenceData.States.FindByIso3(caller.Country!);
        return ApiResults.Json(new
        {
            role = "focalPoint",
            country = caller.Country,
            names = state?.Names,
            language = (state?.Language ?? Language.En).ToCode(),
        });
    }
}

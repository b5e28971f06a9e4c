using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Observations;
using Observatory.Functions.Http;

namespace Observatory.Functions.Admin;

/// <summary>GET /api/admin/coverage?year=2025 (staff): per state, its last submission, its status, accepted at, indicators reported.</summary>
public sealed class GetCoverage
{
    private readonly CallerAuthentication _authentication;
    private readonly CoverageQuery _coverage;

    /// <summary>Creates the function.</summary>
    public GetCoverage(CallerAuthentication authentication, CoverageQuery coverage)
    {
        _authentication = authentication;
        _coverage = coverage;
    }

    /// <summary>Returns the coverage of the year.</summary>
    [Function(nameof(GetCoverage))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Admin + "/coverage")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await _authentication.AuthenticateAsync(request, cancellationToken) is not { } caller) return ApiResults.Unauthorized();
        if (!caller.IsAdmin) return ApiResults.Forbidden("Only the observatory's staff can see coverage.");
        if (!RequestParameters.TryYear(request, request.Query["year"], out var year, out var badYear)) return badYear;

        var states = await _coverage.ForYearAsync(year, cancellationToken);
        var participating = states.Where(s => s.Participating).ToList();
        return ApiResults.Json(new
        {
            year,
            participating = participating.Count,
            reported = participating.Count(s => s.Reported),
            states,
        });
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Observations;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>GET /api/admin/coverage?year=2025 (staff): per state, its last submission, its status, accepted at, indicators reported.</summary>
public sealed class GetCoverage
{
    private readonly CoverageQuery _coverage;

    /// <summary>Creates the function.</summary>
    public GetCoverage(CoverageQuery coverage)
    {
        _coverage = coverage;
    }

    /// <summary>Returns the coverage of the year.</summary>
    [RequireStaff("Only the observatory's staff can see coverage.")]
    [Function(nameof(GetCoverage))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Admin + "/coverage")] HttpRequest request,
        CancellationToken cancellationToken)
    {
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

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Ports;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>GET /api/admin/locks[?year=2025] (staff): the locked state-years.</summary>
public sealed class ListStateYearLocks
{
    private readonly IStateYearLocks _locks;

    /// <summary>Creates the function.</summary>
    public ListStateYearLocks(IStateYearLocks locks)
    {
        _locks = locks;
    }

    /// <summary>Lists the locks.</summary>
    [RequireStaff("Only the observatory's staff can see locks.")]
    [Function(nameof(ListStateYearLocks))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Admin + "/locks")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!RequestParameters.TryYear(request, request.Query["year"], RequestParameters.MissingYear.Absent, out var year, out var badYear)) return badYear;
        return ApiResults.Json(new { locks = await _locks.ListAsync(year, cancellationToken) });
    }
}

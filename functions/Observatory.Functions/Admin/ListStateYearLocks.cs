using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Ports;
using Observatory.Functions.Http;

namespace Observatory.Functions.Admin;

/// <summary>GET /api/admin/locks[?year=2025] (staff): the locked state-years.</summary>
public sealed class ListStateYearLocks
{
    private readonly CallerAuthentication _authentication;
    private readonly IStateYearLocks _locks;

    /// <summary>Creates the function.</summary>
    public ListStateYearLocks(CallerAuthentication authentication, IStateYearLocks locks)
    {
        _authentication = authentication;
        _locks = locks;
    }

    /// <summary>Lists the locks.</summary>
    [Function(nameof(ListStateYearLocks))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Admin + "/locks")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (await _authentication.AuthenticateAsync(request, cancellationToken) is not { } caller) return ApiResults.Unauthorized();
        if (!caller.IsAdmin) return ApiResults.Forbidden("Only the observatory's staff can see locks.");
        if (!RequestParameters.TryYear(request, request.Query["year"], RequestParameters.MissingYear.Absent, out var year, out var badYear)) return badYear;
        return ApiResults.Json(new { locks = await _locks.ListAsync(year, cancellationToken) });
    }
}

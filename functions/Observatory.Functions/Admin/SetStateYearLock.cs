using Observatory.Core.Audit;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>
/// POST /api/admin/locks (staff): {"country":"MEX","year":2025,"locked":true,"reason":"published"} locks a state-year
/// against new submissions; "locked":false unlocks it.
/// </summary>
public sealed class SetStateYearLock(AuditTrail audit, IStateYearLocks locks, ReferenceDataSet referenceData, TimeProvider clock)
{
    private readonly AuditTrail _audit = audit;
    private readonly IStateYearLocks _locks = locks;
    private readonly ReferenceDataSet _referenceData = referenceData;
    private readonly TimeProvider _clock = clock;

    private sealed record LockRequest(string? Country, int? Year, bool? Locked, string? Reason);

    /// <summary>Locks or unlocks.</summary>
    [RequireStaff("Only the observatory's staff can lock or unlock data.")]
    [Function(nameof(SetStateYearLock))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Admin + "/locks")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();

        LockRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<LockRequest>(request.Body, ApiJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body?.Year is not { } year || !_referenceData.States.TryResolve(body.Country, out var state))
            return ApiResults.BadRequest("The body must be JSON like {\"country\":\"MEX\",\"year\":2025,\"locked\":true,\"reason\":\"published\"}.");
        if (!RequestParameters.TryYear(request, year.ToString(CultureInfo.InvariantCulture), out year, out var badYear)) return badYear;

        if (body.Locked == false)
        {
            var wasLocked = await _locks.UnlockAsync(state.Iso3, year, cancellationToken);
            await _audit.RecordAsync(caller, AuditActions.StateYearUnlocked, state.Iso3, year, $"{state.Iso3}-{year}", null, cancellationToken);
            return ApiResults.Json(new { country = state.Iso3, year, locked = false, wasLocked });
        }
        var stateYearLock = new StateYearLock(state.Iso3, year, _clock.GetUtcNow(), caller.Name, body.Reason?.Trim());
        await _locks.LockAsync(stateYearLock, cancellationToken);
        await _audit.RecordAsync(caller, AuditActions.StateYearLocked, state.Iso3, year, $"{state.Iso3}-{year}", stateYearLock.Reason, cancellationToken);
        return ApiResults.Json(new { country = state.Iso3, year, locked = true, lockedAt = stateYearLock.LockedAt, reason = stateYearLock.Reason });
    }
}

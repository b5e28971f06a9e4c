using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Audit;
using Observatory.Core.ReferenceData;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>
/// GET /api/admin/audit[?from=&amp;to=&amp;country=&amp;action=&amp;pageSize=&amp;continuationToken=] (staff): the audit log, newest
/// first, a page at a time. There is no route that changes or removes an entry.
/// </summary>
public sealed class GetAuditLog
{
    /// <summary>Entries per page unless asked otherwise.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The largest page.</summary>
    public const int MaxPageSize = 200;
    private readonly AuditTrail _audit;
    private readonly ReferenceDataSet _referenceData;

    /// <summary>Creates the function.</summary>
    public GetAuditLog(AuditTrail audit, ReferenceDataSet referenceData)
    {
        _audit = audit;
        _referenceData = referenceData;
    }

    /// <summary>Returns a page of entries.</summary>
    [RequireStaff("Only the observatory's staff can read the audit log.")]
    [Function(nameof(GetAuditLog))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Admin + "/audit")] HttpRequest request,
        CancellationToken cancellationToken)
    {

        var q = request.Query;
        if (!TryTime(q["from"], out var from)) return ApiResults.BadRequest($"'from' must be a time like 2026-03-01T00:00:00Z, not '{q["from"]}'.");
        if (!TryTime(q["to"], out var to)) return ApiResults.BadRequest($"'to' must be a time like 2026-04-01T00:00:00Z, not '{q["to"]}'.");
        if (from is not null && to is not null && from >= to) return ApiResults.BadRequest("'from' must be before 'to'.");
        string? country = null;
        if (!string.IsNullOrEmpty(q["country"]))
        {
            if (!_referenceData.States.TryResolve(q["country"], out var state)) return ApiResults.BadRequest($"'{q["country"]}' is not a member state.");
            country = state.Iso3;
        }
        string? action = string.IsNullOrEmpty(q["action"]) ? null : q["action"].ToString();
        if (action is not null && !AuditActions.All.Contains(action))
            return ApiResults.BadRequest($"'{action}' is not an audited action; use one of {string.Join(", ", AuditActions.All)}.");
        var pageSize = DefaultPageSize;
        if (!string.IsNullOrEmpty(q["pageSize"]) && (!int.TryParse(q["pageSize"], NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
            return ApiResults.BadRequest($"'pageSize' must be a whole number from 1 to {MaxPageSize}.");

        AuditPage page;
        try
        {
            page = await _audit.QueryAsync(new AuditQuery(from, to, country, action, pageSize, NullIfEmpty(q["continuationToken"])), cancellationToken);
        }
        catch (ArgumentException ex)
        {
            return ApiResults.BadRequest(ex.Message);
        }
        request.HttpContext.Response.Headers.CacheControl = "private, no-store";
        return ApiResults.Json(new
        {
            entries = page.Entries.Select(e => new { id = e.Id, at = e.At, action = e.Action, actor = e.Actor, country = e.Country, year = e.Year, subject = e.Subject, detail = e.Detail }),
            continuationToken = page.ContinuationToken,
        });
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static bool TryTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrEmpty(text)) return true;
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)) return false;
        time = parsed;
        return true;
    }
}

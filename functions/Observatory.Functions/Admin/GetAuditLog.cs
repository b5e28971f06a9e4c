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
public sealed class GetAuditLog(AuditTrail audit, ReferenceDataSet referenceData)
{
    private readonly AuditTrail _audit = audit;
    private readonly ReferenceDataSet _referenceData = referenceData;

    /// <summary>Returns a page of entries.</summary>
    [RequireStaff("Only the observatory's staff can read the audit log.")]
    [Function(nameof(GetAuditLog))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Admin + "/audit")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!AuditLogQuery.TryRead(request.Query, _referenceData.States, out var query, out var refusal)) return refusal;

        AuditPage page;
        try
        {
            page = await _audit.QueryAsync(query, cancellationToken);
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
}

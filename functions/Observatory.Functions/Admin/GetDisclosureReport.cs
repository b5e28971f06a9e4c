using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Ports;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>
/// GET /api/admin/snapshots/{year}/{version|latest}/disclosure[?country=MEX] (staff): which cells a compile withheld
/// and why (primary, secondary, carried from an earlier version), and the audit of every small count. Never public.
/// </summary>
public sealed class GetDisclosureReport
{
    private readonly ISnapshotStore _snapshots;
    private readonly IDisclosureReportStore _reports;

    /// <summary>Creates the function.</summary>
    public GetDisclosureReport(ISnapshotStore snapshots, IDisclosureReportStore reports)
    {
        _snapshots = snapshots;
        _reports = reports;
    }

    /// <summary>Returns the report of a published version, optionally of one state only.</summary>
    [RequireStaff("Only the observatory's staff can see what disclosure control withheld.")]
    [Function(nameof(GetDisclosureReport))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Admin + "/snapshots/{year:int}/{version}/disclosure")] HttpRequest request,
        int year,
        string version,
        CancellationToken cancellationToken)
    {

        if (await _snapshots.FindAsync(year, version, cancellationToken) is not { } published)
            return ApiResults.NotFound($"No snapshot {version} of {year} is published.");
        if (await _reports.FindAsync(year, published.Manifest.Version, cancellationToken) is not { } report)
            return ApiResults.NotFound($"Snapshot {published.Manifest.Version} of {year} was published before disclosure reports were kept.");

        var country = request.Query["country"].ToString();
        if (country.Length > 0)
            report = report with { Tables = [.. report.Tables.Where(t => string.Equals(t.Country, country, StringComparison.OrdinalIgnoreCase))] };
        return ApiResults.Json(report);
    }
}

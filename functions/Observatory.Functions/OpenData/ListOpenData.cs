using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Ports;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.OpenData;

/// <summary>GET /api/opendata: every published snapshot, newest first, with its files, sizes, checksums and URLs. Anonymous.</summary>
public sealed class ListOpenData
{
    private readonly ISnapshotStore _snapshots;

    /// <summary>Creates the function.</summary>
    public ListOpenData(ISnapshotStore snapshots) => _snapshots = snapshots;

    /// <summary>Lists the snapshots.</summary>
    [Anonymous]
    [Function(nameof(ListOpenData))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "opendata")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var snapshots = await _snapshots.ListAsync(cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return ApiResults.Json(new { snapshots = snapshots.Select(s => SnapshotView.From(s.Manifest, s.Latest)) });
    }
}

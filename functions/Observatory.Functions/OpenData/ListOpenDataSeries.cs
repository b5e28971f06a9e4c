using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Ports;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.OpenData;

/// <summary>
/// GET /api/opendata/series: every published version of the time series across years, newest first, with its years,
/// files, sizes, checksums and URLs. Anonymous.
/// </summary>
public sealed class ListOpenDataSeries
{
    private readonly ISeriesStore _series;

    /// <summary>Creates the function.</summary>
    public ListOpenDataSeries(ISeriesStore series) => _series = series;

    /// <summary>Lists the versions.</summary>
    [Anonymous]
    [Function(nameof(ListOpenDataSeries))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "opendata/series")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var versions = await _series.ListAsync(cancellationToken);
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=300";
        return ApiResults.Json(new { series = versions.Select(s => SeriesView.From(s.Manifest, s.Latest)) });
    }
}

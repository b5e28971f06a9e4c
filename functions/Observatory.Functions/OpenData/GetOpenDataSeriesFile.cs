using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using Observatory.Core.Ports;
using Observatory.Core.Snapshots;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.OpenData;

/// <summary>
/// GET /api/opendata/series/{version|latest}/{file}: streams one file of a published version of the time series,
/// with its content type, an ETag, cache headers and HTTP range requests, as the annual snapshots' files are served.
/// Anonymous and read-only.
/// </summary>
public sealed class GetOpenDataSeriesFile
{
    private readonly ISeriesStore _series;

    /// <summary>Creates the function.</summary>
    public GetOpenDataSeriesFile(ISeriesStore series) => _series = series;

    /// <summary>Streams the file.</summary>
    [Anonymous]
    [Function(nameof(GetOpenDataSeriesFile))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "opendata/series/{version}/{file}")] HttpRequest request,
        string version,
        string file,
        CancellationToken cancellationToken)
    {
        var series = await _series.FindAsync(version, cancellationToken);
        if (series is null || series.Manifest.Find(file) is null)
            return ApiResults.NotFound($"There is no file '{file}' in a published version {version} of the series. GET /api/opendata/series lists them.");

        var content = await _series.OpenFileAsync(series.Manifest.Version, file, cancellationToken);
        if (content is null) return ApiResults.NotFound($"The file '{file}' of series version {series.Manifest.Version} is missing.");

        // A version never changes, so its files may be cached for good; "latest" moves, so it is revalidated.
        request.HttpContext.Response.Headers.CacheControl = version == SnapshotVersion.Latest ? "public, max-age=300" : "public, max-age=31536000, immutable";
        if (version == SnapshotVersion.Latest)
            request.HttpContext.Response.Headers["Content-Location"] = $"/api/opendata/series/{series.Manifest.Version}/{file}";
        return new FileStreamResult(content.Content, content.ContentType)
        {
            EnableRangeProcessing = true,
            EntityTag = EntityTagHeaderValue.Parse(content.ETag),
            LastModified = content.LastModified,
            FileDownloadName = file,
        };
    }
}

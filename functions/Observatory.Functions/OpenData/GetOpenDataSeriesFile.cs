using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Ports;
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

        return PublishedFileResult.For(request, content, file, version, $"/api/opendata/series/{series.Manifest.Version}/{file}");
    }
}

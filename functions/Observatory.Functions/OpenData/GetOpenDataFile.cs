using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Ports;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.OpenData;

/// <summary>
/// GET /api/opendata/{year}/{version|latest}/{file}: streams one file of a published snapshot, with its content type,
/// an ETag, cache headers and HTTP range requests. Anonymous and read-only.
/// </summary>
public sealed class GetOpenDataFile
{
    private readonly ISnapshotStore _snapshots;

    /// <summary>Creates the function.</summary>
    public GetOpenDataFile(ISnapshotStore snapshots) => _snapshots = snapshots;

    /// <summary>Streams the file.</summary>
    [Anonymous]
    [Function(nameof(GetOpenDataFile))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "opendata/{year:int}/{version}/{file}")] HttpRequest request,
        int year,
        string version,
        string file,
        CancellationToken cancellationToken)
    {
        var snapshot = await _snapshots.FindAsync(year, version, cancellationToken);
        if (snapshot is null || snapshot.Manifest.Find(file) is null)
            return ApiResults.NotFound($"There is no file '{file}' in a published snapshot {year}/{version}. GET /api/opendata lists them.");

        var content = await _snapshots.OpenFileAsync(year, snapshot.Manifest.Version, file, cancellationToken);
        if (content is null) return ApiResults.NotFound($"The file '{file}' of snapshot {year}/{snapshot.Manifest.Version} is missing.");

        return PublishedFileResult.For(request, content, file, version, $"/api/opendata/{year}/{snapshot.Manifest.Version}/{file}");
    }
}

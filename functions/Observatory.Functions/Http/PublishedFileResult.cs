using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Observatory.Core.Ports;
using Observatory.Core.Snapshots;

namespace Observatory.Functions.Http;

/// <summary>
/// A published open-data file (an annual snapshot's or the series') as researchers download it: its content type, an
/// ETag, the last change and HTTP range requests, cached for good under its version and revalidated under "latest".
/// </summary>
public static class PublishedFileResult
{
    /// <summary>The response streaming <paramref name="content"/>.</summary>
    /// <param name="request">The request, whose response gets the cache headers.</param>
    /// <param name="content">The stored file.</param>
    /// <param name="file">The file's name, also its download name.</param>
    /// <param name="askedVersion">The version of the route: a version, or <see cref="SnapshotVersion.Latest"/>.</param>
    /// <param name="versionPath">The path of the file under the version it resolved to, for Content-Location.</param>
    public static IActionResult For(HttpRequest request, SnapshotFileContent content, string file, string askedVersion, string versionPath)
    {
        // A version never changes, so its files may be cached for good; "latest" moves, so it is revalidated.
        var headers = request.HttpContext.Response.Headers;
        var latest = askedVersion == SnapshotVersion.Latest;
        headers.CacheControl = latest ? "public, max-age=300" : "public, max-age=31536000, immutable";
        if (latest)
            headers["Content-Location"] = versionPath;
        return new FileStreamResult(content.Content, content.ContentType)
        {
            EnableRangeProcessing = true,
            EntityTag = EntityTagHeaderValue.Parse(content.ETag),
            LastModified = content.LastModified,
            FileDownloadName = file,
        };
    }
}

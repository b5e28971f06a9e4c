using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Portal;

/// <summary>
/// GET /api/portal/{path}: the web portal for focal points, researchers and staff, served by the Function App itself
/// (/api/portal/ is its front page). Static files with their content types, a strong ETag (conditional requests get
/// 304) and Cache-Control, and on pages a Content-Security-Policy that allows scripts from the portal only. Anonymous:
/// the pages hold no data; they call the API with the key the person signs in with.
/// </summary>
public sealed class GetPortalAsset
{
    /// <summary>The page served for /api/portal/.</summary>
    public const string IndexPage = "index.html";

    // Scripts only from the portal itself, so a key in the page's session storage cannot be read by injected script.
    // Inline styles stay allowed for the validation report page, which opens from a blob of this origin.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private readonly PortalAssets _assets;

    /// <summary>Creates the function.</summary>
    public GetPortalAsset(PortalAssets assets) => _assets = assets;

    /// <summary>Serves one file of the portal.</summary>
    [Anonymous]
    [Function(nameof(GetPortalAsset))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "portal/{*path}")] HttpRequest request,
        string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            // The pages link to their scripts and to each other relatively, which needs the trailing slash.
            if (!request.Path.Value!.EndsWith('/')) return new RedirectResult(request.PathBase + request.Path + "/" + request.QueryString, permanent: true);
            path = IndexPage;
        }

        var asset = _assets.Find(path);
        if (asset is null) return ApiResults.NotFound($"The portal has no file '{path}'. Its front page is /api/portal/.");

        var headers = request.HttpContext.Response.Headers;
        // Revalidated on every use: a new deployment is seen at once, and an unchanged file costs a 304 without a body.
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
        }
        return new FileContentResult(asset.Content, asset.ContentType) { EntityTag = EntityTagHeaderValue.Parse(asset.ETag) };
    }
}

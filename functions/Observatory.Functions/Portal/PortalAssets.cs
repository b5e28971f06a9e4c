using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.StaticFiles;

namespace Observatory.Functions.Portal;

/// <summary>One file of the web portal: its bytes, content type and entity tag.</summary>
/// <param name="Path">The path under /api/portal/, e.g. "js/upload.js".</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ContentType">The media type it is served with.</param>
/// <param name="ETag">A strong entity tag (quoted) derived from the content, so it changes exactly when the file does.</param>
public sealed record PortalAsset(string Path, byte[] Content, string ContentType, string ETag);

/// <summary>
/// The web portal's files, embedded in this assembly under the resource names "portal/{path}" (the project file embeds
/// Portal/wwwroot and the charting library from node_modules). They are read once, so one deployment of the Function
/// App serves the API and the pages that use it, with nothing fetched from elsewhere at run time.
/// </summary>
public sealed class PortalAssets
{
    /// <summary>The prefix of the portal's embedded resource names.</summary>
    public const string ResourcePrefix = "portal/";

    private readonly FrozenDictionary<string, PortalAsset> _assets;

    /// <summary>Loads the portal files embedded in the Function App's assembly.</summary>
    public PortalAssets() : this(typeof(PortalAssets).Assembly)
    {
    }

    /// <summary>Loads the portal files embedded in <paramref name="assembly"/>.</summary>
    public PortalAssets(Assembly assembly)
    {
        var types = new FileExtensionContentTypeProvider();
        var assets = new Dictionary<string, PortalAsset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var path = name[ResourcePrefix.Length..];
            var contentType = types.TryGetContentType(path, out var type) ? type : "application/octet-stream";
            // Text is UTF-8 throughout; say so, so that no browser guesses another encoding.
            if (contentType.StartsWith("text/", StringComparison.Ordinal) || contentType is "application/json" or "image/svg+xml")
                contentType += "; charset=utf-8";
            var etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"";
            assets[path] = new PortalAsset(path, content, contentType, etag);
        }
        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Every file's path, for listings and tests.</summary>
    public IEnumerable<string> Paths => _assets.Keys;

    /// <summary>The file at <paramref name="path"/> (as in the URL, case-sensitive), or null when there is none.</summary>
    public PortalAsset? Find(string path) => _assets.GetValueOrDefault(path);
}

using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Observatory.Core;
using Observatory.Core.Security;

namespace Observatory.Functions.Http;

/// <summary>
/// Finds who is calling: a key in X-Api-Key or Authorization: Bearer, or, where the platform's authentication
/// fronts the app (<see cref="ObservatoryOptions.TrustPlatformAuthentication"/>), the identity it passes in
/// X-MS-CLIENT-PRINCIPAL with an app role "Observatory.Admin" or "Observatory.FocalPoint.MEX".
/// Keys are never logged.
/// </summary>
public sealed class CallerAuthentication
{
    private const string AdminRole = "Observatory.Admin";
    private const string FocalPointRolePrefix = "Observatory.FocalPoint.";
    private readonly ApiKeyService _keys;
    private readonly ObservatoryOptions _options;

    /// <summary>Creates the authenticator.</summary>
    public CallerAuthentication(ApiKeyService keys, ObservatoryOptions options)
    {
        _keys = keys;
        _options = options;
    }

    /// <summary>The caller, or null when the request carries no valid credential.</summary>
    public async Task<Caller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var key = PresentedKey(request);
        if (key is not null) return await _keys.AuthenticateAsync(key, cancellationToken);
        return _options.TrustPlatformAuthentication ? FromPlatformPrincipal(request) : null;
    }

    private static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers["X-Api-Key"].ToString();
        if (!string.IsNullOrWhiteSpace(header)) return header.Trim();
        var authorization = request.Headers.Authorization.ToString();
        const string bearer = "Bearer ";
        return authorization.StartsWith(bearer, StringComparison.OrdinalIgnoreCase) ? authorization[bearer.Length..].Trim() : null;
    }

    private static Caller? FromPlatformPrincipal(HttpRequest request)
    {
        var encoded = request.Headers["X-MS-CLIENT-PRINCIPAL"].ToString();
        if (string.IsNullOrEmpty(encoded)) return null;
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            var root = document.RootElement;
            var roleType = root.TryGetProperty("role_typ", out var rt) ? rt.GetString() : "roles";
            var nameType = root.TryGetProperty("name_typ", out var nt) ? nt.GetString() : null;
            string? name = null;
            var roles = new List<string>();
            foreach (var claim in root.GetProperty("claims").EnumerateArray())
            {
                var type = claim.GetProperty("typ").GetString();
                var value = claim.GetProperty("val").GetString() ?? string.Empty;
                if (type == roleType || type == "roles") roles.Add(value);
                if (type == nameType) name = value;
            }
            name = $"platform:{name ?? "unknown"}";
            if (roles.Contains(AdminRole)) return Caller.Admin(name);
            var country = roles.FirstOrDefault(r => r.StartsWith(FocalPointRolePrefix, StringComparison.Ordinal))?[FocalPointRolePrefix.Length..];
            return country is { Length: 3 } ? Caller.FocalPoint(country, name) : null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}

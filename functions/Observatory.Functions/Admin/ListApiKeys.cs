using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Security;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>
/// GET /api/admin/keys[?country=MEX] (staff): the keys issued, newest first, revoked ones included, so that staff can
/// see who holds access and revoke a key by its id. Never the key itself nor its hash.
/// </summary>
public sealed class ListApiKeys
{
    private readonly ApiKeyService _keys;

    /// <summary>Creates the function.</summary>
    public ListApiKeys(ApiKeyService keys)
    {
        _keys = keys;
    }

    /// <summary>Lists the keys.</summary>
    [RequireStaff("Only the observatory's staff can list keys.")]
    [Function(nameof(ListApiKeys))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Admin + "/keys")] HttpRequest request,
        CancellationToken cancellationToken)
    {

        IReadOnlyList<ApiKeyRecord> records;
        try
        {
            records = await _keys.ListAsync(request.Query["country"].ToString(), cancellationToken);
        }
        catch (ArgumentException ex)
        {
            return ApiResults.BadRequest(ex.Message);
        }
        request.HttpContext.Response.Headers.CacheControl = "private, no-store";
        return ApiResults.Json(new
        {
            keys = records.Select(r => new { keyId = r.KeyId, country = r.Country, label = r.Label, createdAt = r.CreatedAt, revokedAt = r.RevokedAt }),
        });
    }
}

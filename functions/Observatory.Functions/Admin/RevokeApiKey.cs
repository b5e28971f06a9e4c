using Observatory.Core.Audit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Security;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>DELETE /api/admin/keys/{keyId} (staff): the key stops working at once.</summary>
public sealed class RevokeApiKey
{
    private readonly AuditTrail _audit;
    private readonly ApiKeyService _keys;

    /// <summary>Creates the function.</summary>
    public RevokeApiKey(AuditTrail audit, ApiKeyService keys)
    {
        _audit = audit;
        _keys = keys;
    }

    /// <summary>Revokes the key.</summary>
    [RequireStaff("Only the observatory's staff can revoke keys.")]
    [Function(nameof(RevokeApiKey))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Admin + "/keys/{keyId}")] HttpRequest request,
        string keyId,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        if (!await _keys.RevokeAsync(keyId, cancellationToken)) return ApiResults.NotFound($"There is no key '{keyId}'.");
        // The state the key was for, so that the log filtered by state shows its revocation (keys are few; staff revoke rarely).
        var record = (await _keys.ListAsync(null, cancellationToken)).FirstOrDefault(k => k.KeyId == keyId);
        await _audit.RecordAsync(caller, AuditActions.KeyRevoked, record?.Country, null, keyId, record?.Label, cancellationToken);
        return new NoContentResult();
    }
}

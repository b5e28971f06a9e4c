using Observatory.Core.Audit;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Security;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>POST /api/admin/keys (staff): issues a key for one state's focal point; the key is shown once.</summary>
public sealed class IssueApiKey
{
    private readonly AuditTrail _audit;
    private readonly ApiKeyService _keys;

    /// <summary>Creates the function.</summary>
    public IssueApiKey(AuditTrail audit, ApiKeyService keys)
    {
        _audit = audit;
        _keys = keys;
    }

    private sealed record IssueKeyRequest(string? Country, string? Label);

    /// <summary>Issues a key from {"country":"MEX","label":"Ministry focal point"}.</summary>
    [RequireStaff("Only the observatory's staff can issue keys.")]
    [Function(nameof(IssueApiKey))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Admin + "/keys")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();

        IssueKeyRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<IssueKeyRequest>(request.Body, ApiJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return ApiResults.BadRequest("The body must be JSON like {\"country\":\"MEX\",\"label\":\"Ministry focal point\"}.");
        }
        if (string.IsNullOrWhiteSpace(body?.Country)) return ApiResults.BadRequest("Give the state the key is for: {\"country\":\"MEX\"}.");

        try
        {
            var (record, key) = await _keys.IssueAsync(body.Country, body.Label, cancellationToken);
            await _audit.RecordAsync(caller, AuditActions.KeyIssued, record.Country, null, record.KeyId, record.Label, cancellationToken);
            return ApiResults.Json(new { keyId = record.KeyId, country = record.Country, label = record.Label, createdAt = record.CreatedAt, key },
                StatusCodes.Status201Created);
        }
        catch (ArgumentException ex)
        {
            return ApiResults.BadRequest(ex.Message);
        }
    }
}

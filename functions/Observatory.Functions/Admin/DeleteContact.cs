using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Audit;
using Observatory.Core.Notifications;
using Observatory.Functions.Http;

namespace Observatory.Functions.Admin;

/// <summary>DELETE /api/admin/contacts/{contactId} (staff): the address receives nothing more → 204; 404 when unknown.</summary>
public sealed class DeleteContact
{
    private readonly CallerAuthentication _authentication;
    private readonly ContactRegistry _contacts;
    private readonly AuditTrail _audit;

    /// <summary>Creates the function.</summary>
    public DeleteContact(CallerAuthentication authentication, ContactRegistry contacts, AuditTrail audit)
    {
        _authentication = authentication;
        _contacts = contacts;
        _audit = audit;
    }

    /// <summary>Removes the contact.</summary>
    [Function(nameof(DeleteContact))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Admin + "/contacts/{contactId}")] HttpRequest request,
        string contactId,
        CancellationToken cancellationToken)
    {
        if (await _authentication.AuthenticateAsync(request, cancellationToken) is not { } caller) return ApiResults.Unauthorized();
        if (!caller.IsAdmin) return ApiResults.Forbidden("Only the observatory's staff can remove contacts.");
        var country = (await _contacts.ListAsync(null, cancellationToken))?.FirstOrDefault(c => c.Id == contactId)?.Country;
        if (!await _contacts.DeleteAsync(contactId, cancellationToken)) return ApiResults.NotFound($"There is no contact '{contactId}'.");
        await _audit.RecordAsync(caller, AuditActions.ContactRemoved, country, null, contactId, null, cancellationToken);
        return new NoContentResult();
    }
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Audit;
using Observatory.Core.Notifications;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>DELETE /api/admin/contacts/{contactId} (staff): the address receives nothing more → 204; 404 when unknown.</summary>
public sealed class DeleteContact
{
    private readonly ContactRegistry _contacts;
    private readonly AuditTrail _audit;

    /// <summary>Creates the function.</summary>
    public DeleteContact(ContactRegistry contacts, AuditTrail audit)
    {
        _contacts = contacts;
        _audit = audit;
    }

    /// <summary>Removes the contact.</summary>
    [RequireStaff("Only the observatory's staff can remove contacts.")]
    [Function(nameof(DeleteContact))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = Routes.Admin + "/contacts/{contactId}")] HttpRequest request,
        string contactId,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        var country = (await _contacts.ListAsync(null, cancellationToken))?.FirstOrDefault(c => c.Id == contactId)?.Country;
        if (!await _contacts.DeleteAsync(contactId, cancellationToken)) return ApiResults.NotFound($"There is no contact '{contactId}'.");
        await _audit.RecordAsync(caller, AuditActions.ContactRemoved, country, null, contactId, null, cancellationToken);
        return new NoContentResult();
    }
}

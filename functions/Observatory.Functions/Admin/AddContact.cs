using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Audit;
using Observatory.Core.Notifications;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>
/// POST /api/admin/contacts (staff): {"country":"MEX","email":"name@example.org","language":"es","role":"focalPoint"}
/// registers an address that receives the state's notifications → 201 with the contact. The audit log records the
/// contact's id, never its address.
/// </summary>
public sealed class AddContact
{
    private readonly ContactRegistry _contacts;
    private readonly AuditTrail _audit;

    /// <summary>Creates the function.</summary>
    public AddContact(ContactRegistry contacts, AuditTrail audit)
    {
        _contacts = contacts;
        _audit = audit;
    }

    /// <summary>Registers the contact.</summary>
    [RequireStaff("Only the observatory's staff can register contacts.")]
    [Function(nameof(AddContact))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = Routes.Admin + "/contacts")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var caller = request.GetCaller();
        ContactRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ContactRequest>(request.Body, ApiJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }
        if (body is null)
            return ApiResults.BadRequest("The body must be JSON like {\"country\":\"MEX\",\"email\":\"name@example.org\",\"language\":\"es\",\"role\":\"focalPoint\"}.");
        var (contact, problem) = await _contacts.AddAsync(body, cancellationToken);
        if (contact is null) return ApiResults.BadRequest(problem!);
        await _audit.RecordAsync(caller, AuditActions.ContactAdded, contact.Country, null, contact.Id,
            $"{contact.Role.ToApiName()}, {Core.Languages.LanguageCodes.ToCode(contact.Language)}", cancellationToken);
        return ApiResults.Json(ContactView.Of(contact), StatusCodes.Status201Created);
    }
}

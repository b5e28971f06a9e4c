using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Observatory.Core.Notifications;
using Observatory.Functions.Http;
using Observatory.Functions.Middleware;

namespace Observatory.Functions.Admin;

/// <summary>GET /api/admin/contacts[?country=MEX] (staff): the registered e-mail contacts, by state.</summary>
public sealed class ListContacts
{
    private readonly ContactRegistry _contacts;

    /// <summary>Creates the function.</summary>
    public ListContacts(ContactRegistry contacts)
    {
        _contacts = contacts;
    }

    /// <summary>Lists the contacts.</summary>
    [RequireStaff("Only the observatory's staff can see contacts.")]
    [Function(nameof(ListContacts))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = Routes.Admin + "/contacts")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var contacts = await _contacts.ListAsync(request.Query["country"], cancellationToken);
        if (contacts is null) return ApiResults.BadRequest("Name a member state: country=MEX.");
        return ApiResults.Json(new { contacts = contacts.Select(ContactView.Of) });
    }
}

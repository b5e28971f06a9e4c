using Observatory.Core.Languages;
using Observatory.Core.Notifications;

namespace Observatory.Functions.Admin;

/// <summary>A contact as the staff routes show it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="Country">ISO3 code of its state.</param>
/// <param name="Email">The address (staff routes only).</param>
/// <param name="Language">en, es, pt or fr.</param>
/// <param name="Role">focalPoint or deputy.</param>
/// <param name="AddedAt">When it was registered.</param>
public sealed record ContactView(string Id, string Country, string Email, string Language, string Role, DateTimeOffset AddedAt)
{
    /// <summary>The view of a contact.</summary>
    public static ContactView Of(Contact contact) =>
        new(contact.Id, contact.Country, contact.Email, contact.Language.ToCode(), contact.Role.ToApiName(), contact.AddedAt);
}

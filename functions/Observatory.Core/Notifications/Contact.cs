using Observatory.Core.Languages;

namespace Observatory.Core.Notifications;

/// <summary>What a contact is to its state.</summary>
public enum ContactRole
{
    /// <summary>The national focal point.</summary>
    FocalPoint,
    /// <summary>The focal point's deputy.</summary>
    Deputy,
}

/// <summary>The API names of <see cref="ContactRole"/>: focalPoint, deputy.</summary>
public static class ContactRoles
{
    /// <summary>focalPoint or deputy.</summary>
    public static string ToApiName(this ContactRole role) => role == ContactRole.Deputy ? "deputy" : "focalPoint";

    /// <summary>Parses focalPoint or deputy (any case); false for anything else.</summary>
    public static bool TryParse(string? name, out ContactRole role)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case "focalpoint": case "focal-point": case "focal_point": role = ContactRole.FocalPoint; return true;
            case "deputy": role = ContactRole.Deputy; return true;
            default: role = ContactRole.FocalPoint; return false;
        }
    }
}

/// <summary>
/// An e-mail address staff registered for a state, with the language its mails are written in. The address is personal
/// data: it is shown to staff, used to send, and never logged, audited or published; everywhere else the contact is
/// named by <see cref="Id"/>.
/// </summary>
/// <param name="Id">A random id, the only way logs and markers name the contact.</param>
/// <param name="Country">ISO3 code of the state.</param>
/// <param name="Email">The address.</param>
/// <param name="Language">The language of the mails it receives.</param>
/// <param name="Role">Focal point or deputy.</param>
/// <param name="AddedAt">When staff registered it.</param>
public sealed record Contact(string Id, string Country, string Email, Language Language, ContactRole Role, DateTimeOffset AddedAt);

namespace Observatory.Core.Security;

/// <summary>Who is calling: staff (admin) or the focal point of one state.</summary>
/// <param name="IsAdmin">True for staff, who may act for every state.</param>
/// <param name="Country">The ISO3 code of the focal point's state; null for staff.</param>
/// <param name="Name">A name for the audit trail: a key id, "admin" or a platform identity. Never a secret.</param>
public sealed record Caller(bool IsAdmin, string? Country, string Name)
{
    /// <summary>Staff authenticated with the admin key.</summary>
    public static Caller Admin(string name = "admin") => new(true, null, name);

    /// <summary>A focal point of <paramref name="country"/>.</summary>
    public static Caller FocalPoint(string country, string name) => new(false, country, name);

    /// <summary>True when the caller may read or write the data of <paramref name="country"/>.</summary>
    public bool CanActFor(string country) => IsAdmin || string.Equals(Country, country, StringComparison.Ordinal);
}

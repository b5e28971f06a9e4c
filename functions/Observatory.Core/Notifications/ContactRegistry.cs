using System.Net.Mail;
using System.Security.Cryptography;
using Observatory.Core.Languages;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Notifications;

/// <summary>What staff asked to register: raw text from the request, checked by <see cref="ContactRegistry"/>.</summary>
/// <param name="Country">The state, as a person writes it (MEX, MX, México).</param>
/// <param name="Email">The address.</param>
/// <param name="Language">en, es, pt or fr; the state's working language when empty.</param>
/// <param name="Role">focalPoint (default) or deputy.</param>
public sealed record ContactRequest(string? Country, string? Email, string? Language, string? Role);

/// <summary>Registers, lists and removes the states' e-mail contacts.</summary>
public sealed class ContactRegistry
{
    /// <summary>The longest address accepted (RFC 5321's limit of a forward path).</summary>
    public const int MaxEmailLength = 254;

    private readonly IContactStore _store;
    private readonly ReferenceDataSet _referenceData;
    private readonly TimeProvider _clock;

    /// <summary>Creates the registry.</summary>
    public ContactRegistry(IContactStore store, ReferenceDataSet referenceData, TimeProvider clock)
    {
        _store = store;
        _referenceData = referenceData;
        _clock = clock;
    }

    /// <summary>Checks and stores a contact; returns it, or the reason it was refused (which never repeats the address).</summary>
    public async Task<(Contact? Contact, string? Problem)> AddAsync(ContactRequest request, CancellationToken cancellationToken)
    {
        if (!_referenceData.States.TryResolve(request.Country, out var state))
            return (null, "Name a member state: \"country\":\"MEX\".");
        var email = request.Email?.Trim() ?? string.Empty;
        if (!IsAddress(email))
            return (null, "\"email\" must be one e-mail address, like \"name@example.org\".");
        Language language;
        if (string.IsNullOrWhiteSpace(request.Language)) language = state.Language;
        else if (!LanguageCodes.TryParse(request.Language, out language))
            return (null, "\"language\" must be en, es, pt or fr.");
        var role = ContactRole.FocalPoint;
        if (!string.IsNullOrWhiteSpace(request.Role) && !ContactRoles.TryParse(request.Role, out role))
            return (null, "\"role\" must be focalPoint or deputy.");

        var contact = new Contact(NewId(), state.Iso3, email, language, role, _clock.GetUtcNow());
        await _store.AddAsync(contact, cancellationToken);
        return (contact, null);
    }

    /// <summary>The contacts of a state (any spelling), or of all states; null when the state is not known.</summary>
    public async Task<IReadOnlyList<Contact>?> ListAsync(string? country, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(country)) return Order(await _store.ListAsync(null, cancellationToken));
        return _referenceData.States.TryResolve(country, out var state) ? Order(await _store.ListAsync(state.Iso3, cancellationToken)) : null;
    }

    /// <summary>Removes a contact; false when there was none.</summary>
    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => _store.DeleteAsync(id, cancellationToken);

    /// <summary>True when <paramref name="email"/> is exactly one address, without a display name.</summary>
    public static bool IsAddress(string email) =>
        email.Length is > 0 and <= MaxEmailLength
        && MailAddress.TryCreate(email, out var parsed)
        && string.Equals(parsed.Address, email, StringComparison.Ordinal)
        && parsed.Host.Contains('.', StringComparison.Ordinal);

    private static List<Contact> Order(IEnumerable<Contact> contacts) =>
        [.. contacts.OrderBy(c => c.Country, StringComparer.Ordinal).ThenBy(c => c.Role).ThenBy(c => c.AddedAt)];

    private static string NewId() => "ct-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}

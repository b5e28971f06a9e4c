using Observatory.Core.Notifications;

namespace Observatory.Core.Ports;

/// <summary>The e-mail contacts of the states (personal data: readable by staff and by the notification sender only).</summary>
public interface IContactStore
{
    /// <summary>Stores a new contact.</summary>
    Task AddAsync(Contact contact, CancellationToken cancellationToken);

    /// <summary>The contacts of one state, or of every state when <paramref name="country"/> is null.</summary>
    Task<IReadOnlyList<Contact>> ListAsync(string? country, CancellationToken cancellationToken);

    /// <summary>Removes a contact; false when there was none with this id.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}

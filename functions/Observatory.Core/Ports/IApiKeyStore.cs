using Observatory.Core.Security;

namespace Observatory.Core.Ports;

/// <summary>The focal-point keys, stored as hashes.</summary>
public interface IApiKeyStore
{
    /// <summary>Stores a new key record.</summary>
    Task CreateAsync(ApiKeyRecord record, CancellationToken cancellationToken);

    /// <summary>The record with this key id, or null.</summary>
    Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>Every key record, revoked ones included; only those of <paramref name="country"/> (ISO3) when it is given.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string? country, CancellationToken cancellationToken);

    /// <summary>Marks the key revoked; false when no key has that id.</summary>
    Task<bool> RevokeAsync(string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken);
}

using System.Security.Cryptography;
using System.Text;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Security;

/// <summary>Issues, revokes and checks the keys presented with requests.</summary>
public sealed class ApiKeyService
{
    private readonly IApiKeyStore _store;
    private readonly ReferenceDataSet _referenceData;
    private readonly TimeProvider _clock;
    private readonly byte[]? _adminKeyHash;
    private readonly int _maxLabelLength;

    /// <summary>Creates the service; <paramref name="options"/> supplies the admin key, of which only a hash is kept.</summary>
    public ApiKeyService(IApiKeyStore store, ReferenceDataSet referenceData, ObservatoryOptions options, TimeProvider clock)
    {
        _store = store;
        _referenceData = referenceData;
        _clock = clock;
        _maxLabelLength = options.MaxKeyLabelLength;
        _adminKeyHash = IsUsableAdminKey(options.AdminKey) ? SHA256.HashData(Encoding.UTF8.GetBytes(options.AdminKey!)) : null;
    }

    /// <summary>The shortest admin key accepted; a shorter one leaves admin access by key off.</summary>
    public const int MinimumAdminKeyLength = 24;

    /// <summary>
    /// True for a key that may serve as the admin key: long enough to resist guessing, and not an unresolved Key Vault
    /// reference, which the platform passes through as literal text until the secret exists and which anyone could guess.
    /// </summary>
    public static bool IsUsableAdminKey(string? adminKey) =>
        adminKey is { Length: >= MinimumAdminKeyLength } &&
        !adminKey.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);

    /// <summary>Issues a key for one state. The key is returned once and never stored.</summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="country"/> is not a member state, or <paramref name="label"/> is longer than <see cref="ObservatoryOptions.MaxKeyLabelLength"/>.
    /// </exception>
    public async Task<(ApiKeyRecord Record, string Key)> IssueAsync(string country, string? label, CancellationToken cancellationToken)
    {
        if (label is not null && label.Length > _maxLabelLength)
            throw new ArgumentException($"The label has {label.Length} characters; a label may have at most {_maxLabelLength}.", nameof(label));
        if (!_referenceData.States.TryResolve(country, out var state))
            throw new ArgumentException($"'{country}' is not a member state.", nameof(country));
        var (keyId, key) = ApiKeySecret.Generate();
        var record = new ApiKeyRecord(keyId, state.Iso3, (label ?? string.Empty).Trim(), ApiKeySecret.Hash(key), _clock.GetUtcNow(), null);
        await _store.CreateAsync(record, cancellationToken);
        return (record, key);
    }

    /// <summary>
    /// The keys issued so far, newest first, revoked ones included so that staff can see who held access; only those of
    /// <paramref name="country"/> (any form a member state is written in) when it is given.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="country"/> is given and is not a member state.</exception>
    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string? country, CancellationToken cancellationToken)
    {
        string? iso3 = null;
        if (!string.IsNullOrWhiteSpace(country))
        {
            if (!_referenceData.States.TryResolve(country, out var state))
                throw new ArgumentException($"'{country}' is not a member state.", nameof(country));
            iso3 = state.Iso3;
        }
        var records = await _store.ListAsync(iso3, cancellationToken);
        return records.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.KeyId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Revokes a key at once; false when no key has that id.</summary>
    public Task<bool> RevokeAsync(string keyId, CancellationToken cancellationToken) =>
        _store.RevokeAsync(keyId, _clock.GetUtcNow(), cancellationToken);

    /// <summary>The caller a presented key stands for; null for an unknown, malformed or revoked key.</summary>
    public async Task<Caller?> AuthenticateAsync(string? presentedKey, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedKey)) return null;
        if (_adminKeyHash is not null &&
            CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presentedKey)), _adminKeyHash))
            return Caller.Admin();
        if (!ApiKeySecret.TryGetKeyId(presentedKey, out var keyId)) return null;
        var record = await _store.FindAsync(keyId, cancellationToken);
        if (record is null || record.RevokedAt is not null || !ApiKeySecret.Matches(presentedKey, record.Hash)) return null;
        return Caller.FocalPoint(record.Country, $"key:{record.KeyId}");
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Observatory.Core.Security;

/// <summary>
/// Focal-point keys: "obs_{keyId}_{secret}". The key id locates the stored record with one point read; only a
/// SHA-256 hash of the whole key is stored. Keys carry 256 bits of randomness, so a fast hash is enough: there is
/// nothing to brute-force that a slow hash would protect.
/// </summary>
public static class ApiKeySecret
{
    private const string Prefix = "obs_";

    /// <summary>A new key and its id.</summary>
    public static (string KeyId, string Key) Generate()
    {
        var keyId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (keyId, $"{Prefix}{keyId}_{secret}");
    }

    /// <summary>Reads the key id out of a presented key; false when it is not of our form.</summary>
    public static bool TryGetKeyId(string? key, out string keyId)
    {
        keyId = string.Empty;
        if (key is null || key.Length > 200 || !key.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        var rest = key.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator != 16) return false;
        var id = rest[..separator];
        foreach (var c in id)
            if (!char.IsAsciiHexDigitLower(c)) return false;
        keyId = id.ToString();
        return true;
    }

    /// <summary>The lower-case hex SHA-256 of a key, as stored.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares a presented key with a stored hash in constant time.</summary>
    public static bool Matches(string presentedKey, string storedHash)
    {
        var presented = Encoding.ASCII.GetBytes(Hash(presentedKey));
        var stored = Encoding.ASCII.GetBytes(storedHash);
        return CryptographicOperations.FixedTimeEquals(presented, stored);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

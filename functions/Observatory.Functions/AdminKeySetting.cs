using Observatory.Core.Security;

namespace Observatory.Functions;

/// <summary>The setting Observatory:AdminKey (environment Observatory__AdminKey): what the host accepts at start, and what it says otherwise.</summary>
public static class AdminKeySetting
{
    /// <summary>The message the host stops with when the admin key is set but unusable. It never repeats the key.</summary>
    public static readonly string Unusable =
        $"The setting Observatory__AdminKey is set but cannot be used as the admin key: it has fewer than {ApiKeyService.MinimumAdminKeyLength} characters. " +
        "Set a longer key (e.g. openssl rand -base64 48), or remove the setting to run with admin access by key off.";

    /// <summary>
    /// True when the host may start with <paramref name="adminKey"/>: unset (admin access by key off), a usable key, or
    /// a Key Vault reference the platform has not resolved yet (docs/deploy.md: until the secret exists the app runs
    /// with admin access by key off, and is restarted once it is set). A key that is set but too short is refused.
    /// </summary>
    public static bool IsAcceptable(string? adminKey) =>
        string.IsNullOrEmpty(adminKey) ||
        ApiKeyService.IsUsableAdminKey(adminKey) ||
        adminKey.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}

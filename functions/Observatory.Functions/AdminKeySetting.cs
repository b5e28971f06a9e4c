using Observatory.Core.Security;

namespace Observatory.Functions;

/// <summary>The setting Observatory:AdminKey (environment Observatory__AdminKey) and what is said when it cannot be used.</summary>
public static class AdminKeySetting
{
    /// <summary>The message the host stops with when the admin key is set but unusable. It never repeats the key.</summary>
    public static readonly string Unusable =
        $"The setting Observatory__AdminKey is set but cannot be used as the admin key: it must have at least {ApiKeyService.MinimumAdminKeyLength} characters " +
        "(and, in Azure, be a resolved Key Vault reference). Set a longer key, or remove the setting to run with admin access by key off.";
}

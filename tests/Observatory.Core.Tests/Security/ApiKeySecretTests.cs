using Observatory.Core.Security;

namespace Observatory.Core.Tests.Security;

public class ApiKeySecretTests
{
    [Fact]
    public void A_generated_key_carries_its_id_and_matches_only_its_own_hash()
    {
        var (keyId, key) = ApiKeySecret.Generate();
        var (_, other) = ApiKeySecret.Generate();

        Assert.True(ApiKeySecret.TryGetKeyId(key, out var parsed));
        Assert.Equal(keyId, parsed);
        Assert.True(ApiKeySecret.Matches(key, ApiKeySecret.Hash(key)));
        Assert.False(ApiKeySecret.Matches(other, ApiKeySecret.Hash(key)));
        Assert.DoesNotContain(key, ApiKeySecret.Hash(key), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("obs_XYZ_secret")]
    [InlineData("obs_0123456789ABCDEF_secret")]
    [InlineData("key_0123456789abcdef_secret")]
    public void Malformed_keys_have_no_id(string? key) => Assert.False(ApiKeySecret.TryGetKeyId(key, out _));

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/admin-key)", false)]
    [InlineData("short", false)]
    [InlineData(null, false)]
    [InlineData("a-long-enough-random-admin-key-1234", true)]
    public void Only_a_long_resolved_secret_serves_as_the_admin_key(string? adminKey, bool usable) =>
        Assert.Equal(usable, ApiKeyService.IsUsableAdminKey(adminKey));
}

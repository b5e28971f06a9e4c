using System.Text;
using Microsoft.AspNetCore.Http;
using Observatory.Core;
using Observatory.Core.Ports;
using Observatory.Core.ReferenceData;
using Observatory.Core.Security;
using Observatory.Functions.Http;

namespace Observatory.Integration.Tests;

/// <summary>The identity the platform's authentication passes in X-MS-CLIENT-PRINCIPAL, trusted only where it is switched on.</summary>
public sealed class PlatformIdentityTests
{
    private static string Principal(params string[] roles) => Convert.ToBase64String(Encoding.UTF8.GetBytes(
        $$"""{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{"typ":"name","val":"Ana"}{{string.Concat(roles.Select(r => $",{{\"typ\":\"roles\",\"val\":\"{r}\"}}"))}}]}"""));

    private static Task<Caller?> AuthenticateAsync(bool trusted, string principal)
    {
        var options = new ObservatoryOptions { TrustPlatformAuthentication = trusted };
        var authentication = new CallerAuthentication(new ApiKeyService(new NoKeys(), ReferenceDataSet.Default, options, TimeProvider.System), options);
        var context = new DefaultHttpContext();
        context.Request.Headers["X-MS-CLIENT-PRINCIPAL"] = principal;
        return authentication.AuthenticateAsync(context.Request, CancellationToken.None);
    }

    [Fact]
    public async Task Roles_map_to_staff_or_to_one_states_focal_point_where_the_platform_is_trusted()
    {
        var staff = await AuthenticateAsync(true, Principal("Observatory.Admin"));
        var mexico = await AuthenticateAsync(true, Principal("Observatory.FocalPoint.MEX"));
        var none = await AuthenticateAsync(true, Principal("Reader"));

        Assert.True(staff!.IsAdmin);
        Assert.Equal(("MEX", false), (mexico!.Country, mexico.IsAdmin));
        Assert.Equal("platform:Ana", mexico.Name);
        Assert.Null(none);
    }

    [Fact]
    public async Task The_header_is_ignored_where_the_platform_does_not_front_the_app() =>
        Assert.Null(await AuthenticateAsync(false, Principal("Observatory.Admin")));

    private sealed class NoKeys : IApiKeyStore
    {
        public Task CreateAsync(ApiKeyRecord record, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<ApiKeyRecord?> FindAsync(string keyId, CancellationToken cancellationToken) => Task.FromResult<ApiKeyRecord?>(null);
        public Task<bool> RevokeAsync(string keyId, DateTimeOffset revokedAt, CancellationToken cancellationToken) => Task.FromResult(false);
        public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(string? country, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ApiKeyRecord>>([]);
    }
}

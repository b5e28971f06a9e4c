using Observatory.Functions.Admin;
using Observatory.Functions.Callers;
using Observatory.Integration.Tests.Infrastructure;

namespace Observatory.Integration.Tests;

/// <summary>The routes the web portal signs in and manages keys with: GET /api/me and GET /api/admin/keys.</summary>
[Collection(PipelineCollection.Name)]
public sealed class PortalSupportTests(PipelineHarness pipeline)
{
    private Task<ApiResponse> Me(string? key) =>
        pipeline.InvokeAsync(pipeline.Request("GET", "/api/me", key: key), r => pipeline.Function<GetCurrentCaller>().Run(r, CancellationToken.None));

    private Task<ApiResponse> ListKeys(string? key, string? query = null) =>
        pipeline.InvokeAsync(pipeline.Request("GET", "/api/admin/keys", query, key), r => pipeline.Function<ListApiKeys>().Run(r, CancellationToken.None));

    [Fact]
    public async Task Me_names_the_state_and_working_language_of_a_focal_points_key_and_staff_for_the_admin_key()
    {
        var (_, brazil) = await pipeline.IssueKeyAsync("BRA");
        var (_, haiti) = await pipeline.IssueKeyAsync("HTI");

        var focalPoint = await Me(brazil);
        Assert.Equal(200, focalPoint.Status);
        Assert.Equal("focalPoint", focalPoint.Json.GetProperty("role").GetString());
        Assert.Equal("BRA", focalPoint.Json.GetProperty("country").GetString());
        Assert.Equal("pt", focalPoint.Json.GetProperty("language").GetString());
        Assert.Equal("Brasil", focalPoint.Json.GetProperty("names").GetProperty("pt").GetString());
        Assert.Equal("fr", (await Me(haiti)).Json.GetProperty("language").GetString());
        Assert.Equal("private, no-store", focalPoint.Headers.CacheControl.ToString());

        var staff = await Me(pipeline.AdminKey);
        Assert.Equal(200, staff.Status);
        Assert.Equal("staff", staff.Json.GetProperty("role").GetString());
    }

    [Fact]
    public async Task Me_is_401_without_a_key_with_an_unknown_one_and_with_a_revoked_one()
    {
        var (keyId, key) = await pipeline.IssueKeyAsync("GTM");
        await pipeline.InvokeAsync(pipeline.Request("DELETE", $"/api/admin/keys/{keyId}", key: pipeline.AdminKey),
            r => pipeline.Function<RevokeApiKey>().Run(r, keyId, CancellationToken.None));

        foreach (var presented in new[] { null, "obs_0123456789abcdef_notarealsecret", key })
        {
            var response = await Me(presented);
            Assert.Equal(401, response.Status);
            Assert.StartsWith("application/problem+json", response.ContentType);
        }
    }

    [Fact]
    public async Task Staff_list_the_keys_newest_first_with_revoked_ones_and_never_a_key_or_its_hash()
    {
        var (older, olderKey) = await pipeline.IssueKeyAsync("URY");
        // Deliberate: keys are listed by their issue time on the system clock, which must move on between the two.
        await Task.Delay(20);
        var (newer, newerKey) = await pipeline.IssueKeyAsync("URY");
        await pipeline.InvokeAsync(pipeline.Request("DELETE", $"/api/admin/keys/{older}", key: pipeline.AdminKey),
            r => pipeline.Function<RevokeApiKey>().Run(r, older, CancellationToken.None));

        var response = await ListKeys(pipeline.AdminKey, "country=Uruguay");
        Assert.Equal(200, response.Status);
        var keys = response.Json.GetProperty("keys").EnumerateArray().ToList();
        Assert.All(keys, k => Assert.Equal("URY", k.GetProperty("country").GetString()));
        var ids = keys.Select(k => k.GetProperty("keyId").GetString()).ToList();
        Assert.True(ids.IndexOf(newer) < ids.IndexOf(older), "newest first");
        var revoked = keys.Single(k => k.GetProperty("keyId").GetString() == older);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, revoked.GetProperty("revokedAt").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, keys.Single(k => k.GetProperty("keyId").GetString() == newer).GetProperty("revokedAt").ValueKind);

        var text = response.Text;
        Assert.DoesNotContain(olderKey, text);
        Assert.DoesNotContain(newerKey, text);
        Assert.DoesNotContain("hash", text, StringComparison.OrdinalIgnoreCase);

        var all = await ListKeys(pipeline.AdminKey);
        Assert.Contains(all.Json.GetProperty("keys").EnumerateArray(), k => k.GetProperty("keyId").GetString() == newer);
    }

    [Fact]
    public async Task Listing_keys_is_for_staff_only_and_names_an_unknown_state()
    {
        var (_, key) = await pipeline.IssueKeyAsync("CRI");
        Assert.Equal(401, (await ListKeys(null)).Status);
        Assert.Equal(403, (await ListKeys(key)).Status);
        var unknown = await ListKeys(pipeline.AdminKey, "country=Atlantis");
        Assert.Equal(400, unknown.Status);
        Assert.Contains("Atlantis", unknown.Text);
    }
}

using System.Net;
using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.LocalHost.Tests.Samples.Http;

namespace Observatory.LocalHost.Tests.Http;

public sealed class RoutePrefixTests
{
    [Theory]
    [InlineData("v1", "/v1/items/7", "/api/items/7")]
    [InlineData("", "/items/7", "/api/items/7")]
    public async Task Routes_are_served_below_the_prefix_of_host_json(string prefix, string served, string notServed)
    {
        await using var host = await TestHost.StartAsync([typeof(GetItem)],
            hostJson: $$"""{ "version": "2.0", "extensions": { "http": { "routePrefix": "{{prefix}}" } } }""");

        using var inside = await host.Client.GetAsync(served);
        using var outside = await host.Client.GetAsync(notServed);

        Assert.Equal(HttpStatusCode.OK, inside.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }
}

using Observatory.LocalHost.Tests.Infrastructure;
using Observatory.LocalHost.Tests.Samples.Http;

namespace Observatory.LocalHost.Tests.Http;

/// <summary>One local host serving every HTTP sample, shared by the HTTP tests.</summary>
public sealed class HttpHostFixture : IAsyncLifetime
{
    public TestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await TestHost.StartAsync(
    [
        typeof(GetItem), typeof(GetYear), typeof(GetFile), typeof(CreateNote), typeof(RejectInput), typeof(FailWithException),
        typeof(WriteResponse), typeof(DefaultRoute), typeof(DeleteItem), typeof(CountItems), typeof(ShowInstance),
    ]);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

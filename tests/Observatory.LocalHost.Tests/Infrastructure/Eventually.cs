namespace Observatory.LocalHost.Tests.Infrastructure;

/// <summary>Waits for something the host does in the background.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Not within {timeout}: {what}.");
            await Task.Delay(50);
        }
    }
}

namespace Observatory.LocalHost.Tests.Infrastructure;

/// <summary>Waits for something the host does in the background against the storage emulator.</summary>
internal static class Eventually
{
    private static readonly Task Never = new TaskCompletionSource().Task;

    /// <summary>
    /// Checks <paramref name="condition"/> until it holds. With <paramref name="clock"/>, each round first moves the
    /// host's clock to its next wake-up, so that the host polls at once instead of after its back-off.
    /// </summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, TestClock? clock = null, InvocationRecorder? recorder = null)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"Not within {timeout}: {what}.");
            clock?.TryAdvanceToNextWakeUp();
            // Deliberate: the condition is read from Azurite, another process, or from the host's background work,
            // neither of which tells anyone when it changes, so it is polled every 20 ms (sooner when a function
            // runs); the host's own timers and polls are moved on by the clock above, never waited out.
            await Task.WhenAny(recorder?.NextRecorded ?? Never, Task.Delay(20));
        }
    }
}

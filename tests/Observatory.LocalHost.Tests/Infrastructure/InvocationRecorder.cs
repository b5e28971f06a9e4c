namespace Observatory.LocalHost.Tests.Infrastructure;

/// <summary>
/// One invocation of a sample function: what it received, when by the machine's clock (<paramref name="At"/>, the
/// clock Azurite's visibility timeouts follow), and when by the host's clock (<paramref name="ClockAt"/>).
/// </summary>
public sealed record RecordedInvocation(string Function, object? Value, DateTimeOffset At, DateTimeOffset ClockAt);

/// <summary>Records what the sample functions receive; registered as a singleton in each test host.</summary>
public sealed class InvocationRecorder(TimeProvider clock)
{
    private readonly List<RecordedInvocation> _invocations = [];
    private TaskCompletionSource _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next invocation recorded.</summary>
    public Task NextRecorded
    {
        get
        {
            lock (_invocations)
                return _recorded.Task;
        }
    }

    public void Record(string function, object? value)
    {
        TaskCompletionSource recorded;
        lock (_invocations)
        {
            _invocations.Add(new RecordedInvocation(function, value, DateTimeOffset.UtcNow, clock.GetUtcNow()));
            recorded = _recorded;
            _recorded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        recorded.TrySetResult();
    }

    public IReadOnlyList<RecordedInvocation> For(string function)
    {
        lock (_invocations)
            return _invocations.Where(invocation => invocation.Function == function).ToArray();
    }

    /// <summary>Waits, without moving the host's clock, until <paramref name="function"/> has run <paramref name="count"/> times.</summary>
    public async Task<IReadOnlyList<RecordedInvocation>> WaitForAsync(string function, int count, TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            var next = NextRecorded;
            var invocations = For(function);
            if (invocations.Count >= count)
                return invocations;
            try
            {
                await next.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"{function} ran {For(function).Count} time(s) within {timeout}, expected {count}.");
            }
        }
    }
}

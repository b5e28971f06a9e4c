namespace Observatory.LocalHost.Tests.Infrastructure;

/// <summary>One invocation of a sample function: what it received, and when.</summary>
public sealed record RecordedInvocation(string Function, object? Value, DateTimeOffset At);

/// <summary>Records what the sample functions receive; registered as a singleton in each test host.</summary>
public sealed class InvocationRecorder
{
    private readonly List<RecordedInvocation> _invocations = [];

    public void Record(string function, object? value)
    {
        lock (_invocations)
            _invocations.Add(new RecordedInvocation(function, value, DateTimeOffset.UtcNow));
    }

    public IReadOnlyList<RecordedInvocation> For(string function)
    {
        lock (_invocations)
            return _invocations.Where(invocation => invocation.Function == function).ToArray();
    }

    /// <summary>Waits until <paramref name="function"/> has run <paramref name="count"/> times.</summary>
    public async Task<IReadOnlyList<RecordedInvocation>> WaitForAsync(string function, int count, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var invocations = For(function);
            if (invocations.Count >= count)
                return invocations;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException($"{function} ran {invocations.Count} time(s) within {timeout}, expected {count}.");
            await Task.Delay(25);
        }
    }
}

namespace Observatory.LocalHost.Tests.Infrastructure;

/// <summary>Holds sample functions until the test lets them finish, to observe how many run at once.</summary>
public sealed class TestGate
{
    private readonly SemaphoreSlim _semaphore = new(0);
    private int _running;

    public int Running => Volatile.Read(ref _running);

    public async Task PassAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _running);
        try
        {
            await _semaphore.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    public void Open(int count) => _semaphore.Release(count);
}

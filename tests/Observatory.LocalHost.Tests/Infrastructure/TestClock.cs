using Microsoft.Extensions.Time.Testing;

namespace Observatory.LocalHost.Tests.Infrastructure;

/// <summary>
/// The host's clock in tests: a <see cref="FakeTimeProvider"/> that also knows which of its timers are waiting, so a
/// test moves time exactly to the host's next wake-up, and only once the host is waiting for it.
/// </summary>
public sealed class TestClock : FakeTimeProvider
{
    private readonly List<TrackedTimer> _armed = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TestClock(DateTimeOffset start)
        : base(start)
    {
    }

    /// <summary>The times at which the waiting timers are due, earliest first.</summary>
    public IReadOnlyList<DateTimeOffset> WakeUps
    {
        get
        {
            lock (_armed)
                return _armed.Select(timer => timer.DueAt).Order().ToArray();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var tracked = new TrackedTimer(this);
        tracked.Arm(dueTime, period);
        tracked.Inner = base.CreateTimer(value =>
        {
            tracked.Fired();
            callback(value);
        }, state, dueTime, period);
        return tracked;
    }

    /// <summary>The earliest wake-up, once at least one timer waits.</summary>
    public async Task<DateTimeOffset> NextWakeUpAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_armed)
            {
                if (_armed.Count > 0)
                    return _armed.Min(timer => timer.DueAt);
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No timer of the host waited on the clock within {timeout}.");
            }
        }
    }

    /// <summary>Waits until a timer waits, then moves the clock to the earliest wake-up; returns that time.</summary>
    public async Task<DateTimeOffset> AdvanceToNextWakeUpAsync(TimeSpan timeout)
    {
        var wakeUp = await NextWakeUpAsync(timeout);
        AdvanceTo(wakeUp);
        return wakeUp;
    }

    /// <summary>Moves the clock to the earliest wake-up if a timer waits; false when none does.</summary>
    public bool TryAdvanceToNextWakeUp()
    {
        DateTimeOffset wakeUp;
        lock (_armed)
        {
            if (_armed.Count == 0)
                return false;
            wakeUp = _armed.Min(timer => timer.DueAt);
        }
        AdvanceTo(wakeUp);
        return true;
    }

    private void AdvanceTo(DateTimeOffset time)
    {
        var by = time - GetUtcNow();
        if (by > TimeSpan.Zero)
            Advance(by);
    }

    private void Changed(Action change)
    {
        TaskCompletionSource changed;
        lock (_armed)
        {
            change();
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        changed.TrySetResult();
    }

    /// <summary>A timer of the fake clock, counted as waiting from when it is armed until it fires or is disposed.</summary>
    private sealed class TrackedTimer(TestClock clock) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset DueAt { get; private set; }

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            // Read outside the lock: the fake clock takes a lock of its own.
            var now = clock.GetUtcNow();
            clock.Changed(() =>
            {
                clock._armed.Remove(this);
                _period = period;
                if (dueTime == Timeout.InfiniteTimeSpan)
                    return;
                DueAt = now + dueTime;
                clock._armed.Add(this);
            });
        }

        public void Fired() => clock.Changed(() =>
        {
            clock._armed.Remove(this);
            if (_period != Timeout.InfiniteTimeSpan && _period > TimeSpan.Zero)
            {
                DueAt += _period;
                clock._armed.Add(this);
            }
        });

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            clock.Changed(() => clock._armed.Remove(this));
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

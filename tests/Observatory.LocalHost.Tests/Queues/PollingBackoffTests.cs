using Observatory.LocalHost.Queues;

namespace Observatory.LocalHost.Tests.Queues;

public sealed class PollingBackoffTests
{
    [Fact]
    public void The_wait_doubles_from_the_minimum_up_to_the_maximum_and_a_reset_starts_it_again()
    {
        var backoff = new PollingBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(700));

        var first = Enumerable.Range(0, 5).Select(_ => backoff.AfterEmptyPoll().TotalMilliseconds).ToArray();
        backoff.Reset();
        var afterReset = backoff.AfterEmptyPoll().TotalMilliseconds;

        Assert.Equal([100, 200, 400, 700, 700], first);
        Assert.Equal(100, afterReset);
    }
}

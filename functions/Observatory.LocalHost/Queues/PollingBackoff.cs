namespace Observatory.LocalHost.Queues;

/// <summary>
/// The wait between polls of a queue: from 100 ms after the first empty poll, doubling after each further empty poll
/// up to host.json's maxPollingInterval, and back to the start as soon as a message arrives.
/// </summary>
internal sealed class PollingBackoff
{
    private readonly TimeSpan _minimum;
    private readonly TimeSpan _maximum;
    private TimeSpan _next;

    public PollingBackoff(TimeSpan minimum, TimeSpan maximum)
    {
        _minimum = minimum;
        _maximum = maximum;
        _next = minimum;
    }

    /// <summary>The wait before the next poll after an empty one; each call doubles the following wait.</summary>
    public TimeSpan AfterEmptyPoll()
    {
        var delay = _next < _maximum ? _next : _maximum;
        _next = delay * 2 < _maximum ? delay * 2 : _maximum;
        return delay;
    }

    /// <summary>A message arrived: the next empty poll waits the minimum again.</summary>
    public void Reset() => _next = _minimum;
}

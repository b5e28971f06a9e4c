namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>The system clock, moved forward on demand: lets a test reach the moment a lease expires without waiting for it.</summary>
public sealed class ShiftableClock : TimeProvider
{
    private TimeSpan _shift;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by) => _shift += by;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + _shift;
}

namespace Observatory.Core.Ports;

/// <summary>State-years that staff have locked, typically after publication: they refuse new submissions until unlocked.</summary>
public interface IStateYearLocks
{
    /// <summary>The lock of a state-year, or null when it is open.</summary>
    Task<StateYearLock?> FindAsync(string country, int year, CancellationToken cancellationToken);

    /// <summary>Locks a state-year (or changes the reason of an existing lock).</summary>
    Task LockAsync(StateYearLock stateYearLock, CancellationToken cancellationToken);

    /// <summary>Opens a state-year again; false when it was not locked.</summary>
    Task<bool> UnlockAsync(string country, int year, CancellationToken cancellationToken);

    /// <summary>Every lock, optionally of one year only.</summary>
    Task<IReadOnlyList<StateYearLock>> ListAsync(int? year, CancellationToken cancellationToken);
}

/// <summary>A locked state-year.</summary>
/// <param name="Country">ISO3 code.</param>
/// <param name="Year">Reporting year.</param>
/// <param name="LockedAt">When it was locked.</param>
/// <param name="LockedBy">Who locked it (never a secret).</param>
/// <param name="Reason">Why, as staff wrote it; shown to the focal point whose upload is refused.</param>
public sealed record StateYearLock(string Country, int Year, DateTimeOffset LockedAt, string LockedBy, string? Reason);

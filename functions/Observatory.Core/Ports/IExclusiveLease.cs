namespace Observatory.Core.Ports;

/// <summary>Named leases that at most one holder has at a time, across every instance of the app.</summary>
public interface IExclusiveLease
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> for at most <paramref name="duration"/>; null when someone else holds
    /// it. Disposing the result gives it back; a holder that dies loses it when the duration runs out.
    /// </summary>
    Task<IAsyncDisposable?> TryAcquireAsync(string name, TimeSpan duration, CancellationToken cancellationToken);
}

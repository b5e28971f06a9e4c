namespace Observatory.LocalHost.Invocation;

/// <summary>What one trigger event gives an invocation.</summary>
/// <param name="TriggerValue">
/// The request (<c>HttpRequest</c>), the decoded queue message (<c>QueueMessage</c>) or the timer information
/// (<c>TimerInfo</c>).
/// </param>
/// <param name="RouteValues">The request's route values, for HTTP functions.</param>
/// <param name="CancellationToken">Signalled when the request is aborted or the host stops.</param>
internal sealed record TriggerInput(object TriggerValue, IReadOnlyDictionary<string, object?>? RouteValues, CancellationToken CancellationToken);

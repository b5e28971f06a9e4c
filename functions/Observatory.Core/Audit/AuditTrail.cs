using Microsoft.Extensions.Logging;
using Observatory.Core.Ports;
using Observatory.Core.Security;

namespace Observatory.Core.Audit;

/// <summary>
/// Records the actions that change state in the audit log, and reads it for staff. Recording happens after the
/// action succeeded: an audit log that cannot be written (storage down) is logged as an error for operators but does
/// not undo or fail an action already done.
/// </summary>
public sealed class AuditTrail
{
    /// <summary>The longest detail kept; longer ones are cut.</summary>
    public const int MaxDetailLength = 200;

    private readonly IAuditLog _log;
    private readonly TimeProvider _clock;
    private readonly ILogger<AuditTrail> _logger;

    /// <summary>Creates the trail over the audit log.</summary>
    public AuditTrail(IAuditLog log, TimeProvider clock, ILogger<AuditTrail> logger)
    {
        _log = log;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>Appends an entry for an action <paramref name="caller"/> did (its key id or "admin" names the actor).</summary>
    public Task RecordAsync(Caller caller, string action, string? country, int? year, string? subject, string? detail, CancellationToken cancellationToken) =>
        RecordAsync(caller.Name, action, country, year, subject, detail, cancellationToken);

    /// <summary>Appends an entry for an action of <paramref name="actor"/> (for the schedule, which has no key).</summary>
    public async Task RecordAsync(string actor, string action, string? country, int? year, string? subject, string? detail, CancellationToken cancellationToken)
    {
        var at = _clock.GetUtcNow();
        var trimmed = detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail;
        var entry = new AuditEntry(NewId(at), at, action, actor, country, year, subject, trimmed);
        try
        {
            await _log.AppendAsync(entry, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogError(ex, "The audit log could not record {Action} by {Actor} on {Subject}", action, entry.Actor, subject);
        }
    }

    /// <summary>A page of the log, newest first.</summary>
    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken) => _log.QueryAsync(query, cancellationToken);

    // Newest first when sorted as text: the time counted down, then a random part so that two entries never share an id.
    private static string NewId(DateTimeOffset at) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}-{Guid.NewGuid():N}";
}

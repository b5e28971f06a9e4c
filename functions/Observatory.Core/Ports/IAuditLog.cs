using Observatory.Core.Audit;

namespace Observatory.Core.Ports;

/// <summary>The audit log: append-only. There is no update or delete, and an entry's key is never reused.</summary>
public interface IAuditLog
{
    /// <summary>Appends an entry; fails rather than overwrite one with the same id.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>A page of entries, newest first.</summary>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken);
}

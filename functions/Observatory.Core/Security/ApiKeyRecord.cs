namespace Observatory.Core.Security;

/// <summary>A focal-point key as stored: its hash, never the key.</summary>
/// <param name="KeyId">The public part of the key that locates this record.</param>
/// <param name="Country">ISO3 code of the one state the key acts for.</param>
/// <param name="Label">Who holds it, as staff described them ("Ministry focal point").</param>
/// <param name="Hash">Lower-case hex SHA-256 of the key.</param>
/// <param name="CreatedAt">When it was issued.</param>
/// <param name="RevokedAt">When it was revoked; null while valid.</param>
public sealed record ApiKeyRecord(string KeyId, string Country, string Label, string Hash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt);

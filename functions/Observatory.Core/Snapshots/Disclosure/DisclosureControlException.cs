namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// Disclosure control could not meet the protection requirement for a table: the snapshot is not published rather
/// than published with a count that could be worked out.
/// </summary>
public sealed class DisclosureControlException(string message) : InvalidOperationException(message);

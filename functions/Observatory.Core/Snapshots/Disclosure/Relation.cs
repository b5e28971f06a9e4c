namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// An additivity relation the attacker knows, over nodes of an <see cref="AttackerKnowledge"/>: the parts add up to
/// the total (<see cref="IsEquality"/>), or at most to it (a return whose parts fall short of its total, which the
/// validation rules allow, never the other way round).
/// </summary>
/// <param name="Total">The node of the total.</param>
/// <param name="Parts">The nodes of the parts, ascending.</param>
/// <param name="IsEquality">True for parts = total, false for parts ≤ total.</param>
internal sealed record Relation(int Total, int[] Parts, bool IsEquality)
{
    /// <summary>Every node of the relation: the parts, then the total.</summary>
    public IEnumerable<int> Nodes => Parts.Append(Total);

    /// <summary>A key that is equal for equal relations, to list each once.</summary>
    public string Identity => $"{(IsEquality ? '=' : '<')}{Total}:{string.Join(',', Parts)}";
}

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// Looks for a quick proof that a withheld count can take many values: a direction d (−1, 0 or +1 on each unknown
/// node, +1 on the count, 0 on every known node) along which every relation keeps its balance (the parts change by
/// as much as the total). The true values plus k·d then satisfy everything the attacker knows for every k that keeps
/// each unknown at least 1, so the count takes every value of that range.
/// </summary>
/// <remarks>
/// A depth-first search with a step budget. Finding no direction proves nothing: the integer program then decides.
/// The search is deterministic (relations and nodes are tried in index order).
/// </remarks>
internal sealed class DirectionSearch
{
    private const int StepBudget = 4_000;
    private readonly AttackerKnowledge _knowledge;
    private readonly bool[] _unknown;
    private readonly int _needed;
    private readonly int[] _direction;
    private readonly List<int> _assigned = [];
    private int _steps;

    private DirectionSearch(AttackerKnowledge knowledge, bool[] unknown, int needed)
    {
        _knowledge = knowledge;
        _unknown = unknown;
        _needed = needed;
        _direction = new int[knowledge.NodeCount];
    }

    /// <summary>
    /// Finds a direction through <paramref name="node"/> along which it takes at least <paramref name="needed"/>
    /// values; returns how far below and above its true value it can go (above: null when without bound), or null.
    /// </summary>
    public static (long Below, long? Above)? Find(AttackerKnowledge knowledge, bool[] unknown, int node, int needed)
    {
        var search = new DirectionSearch(knowledge, unknown, needed);
        search.Assign(node, +1);
        return search.Extend(below: knowledge.Value(node) - 1, above: long.MaxValue);
    }

    // below: how far every +1 node can go down (each stays ≥ 1); above: how far every −1 node allows going up.
    private (long Below, long? Above)? Extend(long below, long above)
    {
        if (++_steps > StepBudget)
            return null;
        var unbalanced = FirstUnbalanced(out var imbalance);
        if (unbalanced < 0)
            return (below, above == long.MaxValue ? null : above);

        // A part moves the balance by its step, the total against it: restore it one node at a time.
        var relation = _knowledge.Relations[unbalanced];
        var options = new List<(int Node, int Step, long Below, long Above)>();
        foreach (var part in relation.Parts)
            AddOption(options, part, imbalance > 0 ? -1 : +1, below, above);
        AddOption(options, relation.Total, imbalance > 0 ? +1 : -1, below, above);
        options.Sort((a, b) =>
        {
            var room = Room(b.Below, b.Above).CompareTo(Room(a.Below, a.Above));
            return room != 0 ? room : a.Node.CompareTo(b.Node);
        });
        foreach (var (node, step, newBelow, newAbove) in options)
        {
            Assign(node, step);
            var found = Extend(newBelow, newAbove);
            Unassign();
            if (found is not null || _steps > StepBudget)
                return found;
        }
        return null;
    }

    private void AddOption(List<(int, int, long, long)> options, int node, int step, long below, long above)
    {
        if (!_unknown[node] || _direction[node] != 0)
            return;
        var room = _knowledge.Value(node) - 1;
        var (newBelow, newAbove) = step > 0 ? (Math.Min(below, room), above) : (below, Math.Min(above, room));
        // Adding nodes only narrows the range, so a branch already too narrow is cut.
        if (Room(newBelow, newAbove) + 1 >= _needed)
            options.Add((node, step, newBelow, newAbove));
    }

    private static long Room(long below, long above) => above == long.MaxValue ? long.MaxValue - 1 : below + above;

    private int FirstUnbalanced(out long imbalance)
    {
        var best = -1;
        imbalance = 0;
        foreach (var node in _assigned)
        {
            foreach (var index in _knowledge.RelationsOf(node))
            {
                if (best >= 0 && index >= best)
                    continue;
                var relation = _knowledge.Relations[index];
                long balance = -_direction[relation.Total];
                foreach (var part in relation.Parts)
                    balance += _direction[part];
                if (balance != 0)
                {
                    best = index;
                    imbalance = balance;
                }
            }
        }
        return best;
    }

    private void Assign(int node, int step)
    {
        _direction[node] = step;
        _assigned.Add(node);
    }

    private void Unassign()
    {
        _direction[_assigned[^1]] = 0;
        _assigned.RemoveAt(_assigned.Count - 1);
    }
}

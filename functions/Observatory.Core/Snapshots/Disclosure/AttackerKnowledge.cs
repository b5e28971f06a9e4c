namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>
/// What the attacker of the protection requirement knows about one indicator of one state, over every version of
/// the year: every published cell, every additivity relation that holds in the stored data, and that every withheld
/// cell is a whole number of at least 1.
/// </summary>
/// <remarks>
/// <para>
/// The unknowns are <em>nodes</em>: one per cell key and true value across versions. A cell whose value did not
/// change between versions is one node, so an attacker who assumes (rightly) that an unchanged cell is the same
/// number in both versions is modelled; a cell published in any version is a known constant in all of them.
/// </para>
/// <para>
/// Which cells of the version being compiled are withheld is what disclosure control decides, so it is not part of
/// this object: <see cref="IsUnknown"/> takes it as an argument.
/// </para>
/// </remarks>
internal sealed class AttackerKnowledge
{
    private readonly List<long> _values = [];
    private readonly List<bool> _publishedEarlier = [];
    private readonly List<string> _labels = [];
    private readonly Dictionary<(string Key, long Value), int> _nodes = [];
    private readonly List<Relation> _relations = [];
    private readonly List<List<int>> _relationsOfNode = [];
    private int[] _currentRows = [];

    private AttackerKnowledge(CellTable current)
    {
        Current = current;
        CurrentNodes = new int[current.Count];
    }

    /// <summary>The version being compiled.</summary>
    public CellTable Current { get; }

    /// <summary>The node of each row of <see cref="Current"/>.</summary>
    public int[] CurrentNodes { get; }

    /// <summary>How many nodes there are.</summary>
    public int NodeCount => _values.Count;

    /// <summary>Every relation, each once.</summary>
    public IReadOnlyList<Relation> Relations => _relations;

    /// <summary>Builds the knowledge from the version being compiled and the earlier published versions of the year.</summary>
    public static AttackerKnowledge Build(CellTable current, IReadOnlyList<EarlierTable> earlier)
    {
        var knowledge = new AttackerKnowledge(current);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var version in earlier)
        {
            var nodes = knowledge.AddCells(version.Table, version.Version);
            for (var i = 0; i < nodes.Length; i++)
            {
                if (!version.Withheld[i])
                    knowledge._publishedEarlier[nodes[i]] = true;
            }
            knowledge.AddRelations(version.Table, nodes, seen);
        }
        knowledge.AddCells(current, version: null).CopyTo(knowledge.CurrentNodes, 0);
        knowledge.AddRelations(current, knowledge.CurrentNodes, seen);
        knowledge._currentRows = Enumerable.Repeat(-1, knowledge.NodeCount).ToArray();
        for (var i = 0; i < knowledge.CurrentNodes.Length; i++)
            knowledge._currentRows[knowledge.CurrentNodes[i]] = i;
        return knowledge;
    }

    /// <summary>The current table indexed for the box search, built on first use.</summary>
    public TableLayout Layout => _layout ??= new TableLayout(Current);

    private TableLayout? _layout;

    /// <summary>The row of <see cref="Current"/> whose node this is; -1 for a node of earlier versions only.</summary>
    public int CurrentRow(int node) => node < _currentRows.Length ? _currentRows[node] : -1;

    /// <summary>The true value of a node.</summary>
    public long Value(int node) => _values[node];

    /// <summary>The cell key of a node, with the earlier version it first appeared in when it is not in the current one.</summary>
    public string Label(int node) => _labels[node];

    /// <summary>True when an earlier version published this node's cell with this value: a known constant for good.</summary>
    public bool PublishedEarlier(int node) => _publishedEarlier[node];

    /// <summary>The relations a node takes part in.</summary>
    public IReadOnlyList<int> RelationsOf(int node) => _relationsOfNode[node];

    /// <summary>
    /// For every node, true when the attacker does not know its value: no version published it, given which rows of
    /// the current version are <paramref name="withheld"/>.
    /// </summary>
    public bool[] IsUnknown(bool[] withheld)
    {
        var unknown = new bool[NodeCount];
        for (var n = 0; n < NodeCount; n++)
            unknown[n] = !_publishedEarlier[n];
        for (var i = 0; i < CurrentNodes.Length; i++)
        {
            if (!withheld[i])
                unknown[CurrentNodes[i]] = false;
        }
        return unknown;
    }

    private int[] AddCells(CellTable table, string? version)
    {
        var nodes = new int[table.Count];
        for (var i = 0; i < table.Count; i++)
        {
            var key = table.Cells[i].Key;
            if (!_nodes.TryGetValue((key, table.Values[i]), out var node))
            {
                node = _values.Count;
                _nodes.Add((key, table.Values[i]), node);
                _values.Add(table.Values[i]);
                _publishedEarlier.Add(false);
                _labels.Add(version is null ? key : $"{key} (version {version})");
                _relationsOfNode.Add([]);
            }
            else if (version is null)
                _labels[node] = key;
            nodes[i] = node;
        }
        return nodes;
    }

    // Only relations that hold in the stored data are known: equal where the parts add up to the total, at most
    // where they fall short (the validation rules refuse more), none where the stored data breaks the rule.
    private void AddRelations(CellTable table, int[] nodes, HashSet<string> seen)
    {
        foreach (var group in AdditiveGroup.All(table))
        {
            var sum = group.Parts.Sum(p => table.Values[p]);
            var total = table.Values[group.Total];
            if (sum > total)
                continue;
            var relation = new Relation(nodes[group.Total], [.. group.Parts.Select(p => nodes[p]).Order()], sum == total);
            if (!seen.Add(relation.Identity))
                continue;
            var index = _relations.Count;
            _relations.Add(relation);
            foreach (var node in relation.Nodes)
                _relationsOfNode[node].Add(index);
        }
    }
}

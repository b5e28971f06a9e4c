using Observatory.Core.Domain;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>The cells of one indicator of one state that disclosure control withholds.</summary>
internal sealed class SuppressionOutcome
{
    private readonly HashSet<Observation> _primary;
    private readonly List<Observation> _secondary;
    private readonly HashSet<Observation> _withheld;

    public SuppressionOutcome(HashSet<Observation> primary, List<Observation> secondary)
    {
        _primary = primary;
        _secondary = secondary;
        _withheld = new HashSet<Observation>(primary, ReferenceEqualityComparer.Instance);
        _withheld.UnionWith(secondary);
    }

    /// <summary>Nothing withheld.</summary>
    public static SuppressionOutcome None { get; } = new(new HashSet<Observation>(ReferenceEqualityComparer.Instance), []);

    /// <summary>How many small counts are withheld.</summary>
    public int PrimaryCount => _primary.Count;

    /// <summary>How many further cells are withheld.</summary>
    public int SecondaryCount => _secondary.Count;

    /// <summary>The keys of the small counts withheld.</summary>
    public IReadOnlySet<string> PrimaryKeys => _primary.Select(o => o.Key).ToHashSet(StringComparer.Ordinal);

    /// <summary>The keys of the further cells withheld, in the order they were chosen.</summary>
    public IReadOnlyList<string> SecondaryKeys => [.. _secondary.Select(o => o.Key)];

    /// <summary>True when this very observation is withheld.</summary>
    public bool IsSuppressed(Observation cell) => _withheld.Contains(cell);

    /// <summary>True when the cell with this key is withheld.</summary>
    public bool IsSuppressed(string key) => _withheld.Any(o => o.Key == key);
}

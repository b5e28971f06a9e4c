using Observatory.Core.Domain;

namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>The cells of one indicator of one state that disclosure control withholds, why, and the audit that shows it is enough.</summary>
internal sealed class SuppressionOutcome
{
    private readonly Dictionary<Observation, WithholdingReason> _withheld;

    public SuppressionOutcome(Dictionary<Observation, WithholdingReason> withheld, IReadOnlyList<Observation> secondaryOrder, IReadOnlyList<CountAudit> audits)
    {
        _withheld = withheld;
        SecondaryKeys = [.. secondaryOrder.Select(o => o.Key)];
        Audits = audits;
    }

    /// <summary>Nothing withheld.</summary>
    public static SuppressionOutcome None { get; } = new(new(ReferenceEqualityComparer.Instance), [], []);

    /// <summary>Every withheld cell with its reason.</summary>
    public IReadOnlyDictionary<Observation, WithholdingReason> Withheld => _withheld;

    /// <summary>The keys of the small counts withheld.</summary>
    public IReadOnlySet<string> PrimaryKeys => KeysOf(WithholdingReason.Primary);

    /// <summary>The keys of the cells withheld because an earlier version of the year withheld them.</summary>
    public IReadOnlySet<string> CarriedKeys => KeysOf(WithholdingReason.Carried);

    /// <summary>The keys of the further cells withheld, in the order they were chosen.</summary>
    public IReadOnlyList<string> SecondaryKeys { get; }

    /// <summary>The audit of every withheld small count, of this version and of the earlier ones, after the last cell was chosen.</summary>
    public IReadOnlyList<CountAudit> Audits { get; }

    /// <summary>True when this very observation is withheld.</summary>
    public bool IsSuppressed(Observation cell) => _withheld.ContainsKey(cell);

    /// <summary>True when the cell with this key is withheld.</summary>
    public bool IsSuppressed(string key) => _withheld.Keys.Any(o => o.Key == key);

    private HashSet<string> KeysOf(WithholdingReason reason) =>
        _withheld.Where(p => p.Value == reason).Select(p => p.Key.Key).ToHashSet(StringComparer.Ordinal);
}

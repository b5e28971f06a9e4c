namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>The cells of one indicator of one state that disclosure control withholds, by observation key.</summary>
/// <param name="Primary">Small counts (1 ≤ value &lt; threshold).</param>
/// <param name="Secondary">Cells withheld so that a small count cannot be recovered by subtraction, in the order chosen.</param>
internal sealed record SuppressionOutcome(IReadOnlySet<string> Primary, IReadOnlyList<string> Secondary)
{
    /// <summary>Nothing withheld.</summary>
    public static SuppressionOutcome None { get; } = new(new HashSet<string>(), []);

    /// <summary>True when the cell with this key is withheld.</summary>
    public bool IsSuppressed(string key) => Primary.Contains(key) || Secondary.Contains(key);
}

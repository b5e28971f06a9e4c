namespace Observatory.Core.Snapshots.Disclosure;

/// <summary>Why a cell is published without its value.</summary>
public enum WithholdingReason
{
    /// <summary>A small count: 1 ≤ value &lt; threshold.</summary>
    Primary,
    /// <summary>Withheld so that no small count can be worked out from the published cells.</summary>
    Secondary,
    /// <summary>Withheld in an earlier published version of the year, so withheld in every later one.</summary>
    Carried,
}

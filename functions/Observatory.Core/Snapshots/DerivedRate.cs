namespace Observatory.Core.Snapshots;

/// <summary>
/// An indicator derived at snapshot time: the total of a count per a multiple of the total of a population.
/// Computed only where the catalog lists it (as a derived indicator) and both totals are present.
/// </summary>
/// <param name="Code">The derived indicator's code.</param>
/// <param name="Numerator">The counted indicator; its cell with every dimension _T is used.</param>
/// <param name="Denominator">The population indicator; its cell with every dimension _T is used.</param>
/// <param name="Per">The multiplier (100,000).</param>
/// <param name="Decimals">The decimals the rate is rounded to (half away from zero) and published with.</param>
internal sealed record DerivedRate(string Code, string Numerator, string Denominator, decimal Per, int Decimals)
{
    /// <summary>The rates of catalog version 1; the same pattern may be added for other protected counts.</summary>
    public static IReadOnlyList<DerivedRate> Known { get; } =
    [
        new("CT_VICT_DET_RATE", "CT_VICT_DET", "POP_U18", 100_000m, 2),
    ];

    /// <summary>The rate, or null when the denominator is zero (a rate per nobody has no value to publish).</summary>
    public decimal? Compute(long numerator, long denominator) =>
        denominator <= 0 ? null : Math.Round(numerator * Per / denominator, Decimals, MidpointRounding.AwayFromZero);
}

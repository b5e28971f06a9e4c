namespace Observatory.Core.ReferenceData;

/// <summary>An indicator of the catalog.</summary>
/// <param name="Code">The stable code (CT_VICT_DET).</param>
/// <param name="Labels">Its short name in the four languages.</param>
/// <param name="Descriptions">What it counts, in the four languages.</param>
/// <param name="Unit">NUMBER, TREATY_STATUS or YES_NO; derived indicators may have others (PER_100000_POP_U18).</param>
/// <param name="Dimensions">The dimension ids it is broken down by, in catalog order (SEX, AGE, …); empty for none.</param>
/// <param name="Protected">True when the figure counts child victims: small values are suppressed when published.</param>
/// <param name="Derived">True when computed at snapshot time and never submitted.</param>
/// <param name="Aliases">Other ways people name it, in any language.</param>
public sealed record Indicator(
    string Code,
    LocalizedText Labels,
    LocalizedText Descriptions,
    string Unit,
    IReadOnlyList<string> Dimensions,
    bool Protected,
    bool Derived,
    IReadOnlyList<string> Aliases)
{
    /// <summary>Its definition, source, methodology and comparability notes; null when the catalog gives none.</summary>
    public IndicatorMetadata? Metadata { get; init; }

    /// <summary>True when values are whole, non-negative numbers.</summary>
    public bool IsNumeric => Unit is IndicatorUnits.Number;

    /// <summary>For coded units (TREATY_STATUS, YES_NO), the id of the value list; null for numeric units.</summary>
    public string? ValueList => Unit is IndicatorUnits.TreatyStatus or IndicatorUnits.YesNo ? Unit : null;
}

/// <summary>What a researcher needs to use an indicator well, in the four languages.</summary>
/// <param name="Definition">What exactly is counted or recorded.</param>
/// <param name="SourceAgencyType">The kind of national agency the figures come from.</param>
/// <param name="Methodology">How the figures are collected and counted.</param>
/// <param name="Comparability">What limits comparisons between states, years and global series.</param>
public sealed record IndicatorMetadata(LocalizedText Definition, LocalizedText SourceAgencyType, LocalizedText Methodology, LocalizedText Comparability);

/// <summary>The units of catalog version 1.</summary>
public static class IndicatorUnits
{
    /// <summary>A whole, non-negative count.</summary>
    public const string Number = "NUMBER";
    /// <summary>A code of the TREATY_STATUS value list.</summary>
    public const string TreatyStatus = "TREATY_STATUS";
    /// <summary>A code of the YES_NO value list.</summary>
    public const string YesNo = "YES_NO";
    /// <summary>A rate per 100,000 residents under 18 (derived).</summary>
    public const string Per100000PopU18 = "PER_100000_POP_U18";
}

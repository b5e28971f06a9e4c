namespace Observatory.Core.ReferenceData;

/// <summary>The observation flags of the open data.</summary>
public static class FlagCodes
{
    /// <summary>Withheld by disclosure control; published without a value.</summary>
    public const string Suppressed = "suppressed";
    /// <summary>The figure is an estimate.</summary>
    public const string Estimated = "estimated";
    /// <summary>The figure may still change.</summary>
    public const string Provisional = "provisional";
}

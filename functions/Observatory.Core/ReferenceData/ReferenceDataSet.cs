namespace Observatory.Core.ReferenceData;

/// <summary>
/// The reference data shipped with the pipeline as versioned JSON files (ReferenceData/Data),
/// loaded once per process.
/// </summary>
public sealed class ReferenceDataSet
{
    private static readonly Lazy<ReferenceDataSet> Shipped = new(Load);

    /// <summary>Creates a set from its parts.</summary>
    public ReferenceDataSet(IndicatorCatalog catalog, MemberStateRegistry states)
    {
        Catalog = catalog;
        States = states;
    }

    /// <summary>The reference data shipped with this build, loaded on first use.</summary>
    public static ReferenceDataSet Default => Shipped.Value;

    /// <summary>The indicator catalog.</summary>
    public IndicatorCatalog Catalog { get; }

    /// <summary>The member states.</summary>
    public MemberStateRegistry States { get; }

    /// <summary>Loads the embedded data files.</summary>
    public static ReferenceDataSet Load() => throw new NotImplementedException();
}

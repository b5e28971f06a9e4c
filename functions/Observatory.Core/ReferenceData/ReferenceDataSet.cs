using Observatory.Core.ReferenceData.Loading;

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

    /// <summary>The data file of the indicator catalog shipped with this build.</summary>
    public const string CatalogFileName = "catalog.v1.json";

    /// <summary>The data file of the member states shipped with this build.</summary>
    public const string MemberStatesFileName = "member-states.v1.json";

    // The csproj embeds ReferenceData/Data/*.json under this prefix.
    private const string ResourcePrefix = "Observatory.ReferenceData.";

    /// <summary>Loads the embedded data files.</summary>
    /// <exception cref="ReferenceDataException">A file is missing, malformed or inconsistent; the message names the file and the culprit.</exception>
    public static ReferenceDataSet Load()
    {
        using var catalog = OpenEmbedded(CatalogFileName);
        using var states = OpenEmbedded(MemberStatesFileName);
        return Load(catalog, CatalogFileName, states, MemberStatesFileName);
    }

    /// <summary>
    /// Loads reference data from JSON documents in the shape of the shipped files (see
    /// ReferenceData/Data/README.md), with every load-time check applied.
    /// </summary>
    /// <param name="catalogJson">A catalog document.</param>
    /// <param name="memberStatesJson">A member states document.</param>
    /// <exception cref="ReferenceDataException">A document is malformed or inconsistent; the message names the culprit.</exception>
    public static ReferenceDataSet Load(Stream catalogJson, Stream memberStatesJson) =>
        Load(catalogJson, "catalog document", memberStatesJson, "member states document");

    private static ReferenceDataSet Load(Stream catalogJson, string catalogSource, Stream statesJson, string statesSource)
    {
        ArgumentNullException.ThrowIfNull(catalogJson);
        ArgumentNullException.ThrowIfNull(statesJson);
        return new ReferenceDataSet(
            CatalogReader.Read(catalogJson, catalogSource),
            MemberStatesReader.Read(statesJson, statesSource));
    }

    private static Stream OpenEmbedded(string fileName) =>
        typeof(ReferenceDataSet).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
        ?? throw new ReferenceDataException($"{fileName}: not embedded in {typeof(ReferenceDataSet).Assembly.GetName().Name}; check the EmbeddedResource item of the csproj.");
}

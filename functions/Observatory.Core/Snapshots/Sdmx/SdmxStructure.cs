using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots.Sdmx;

/// <summary>The role of a component in the data structure definition.</summary>
internal enum SdmxRole
{
    /// <summary>A dimension: with the others, identifies an observation.</summary>
    Dimension,
    /// <summary>The time dimension (TIME_PERIOD), last of the dimensions in the DSD.</summary>
    TimeDimension,
    /// <summary>The primary measure (OBS_VALUE).</summary>
    Measure,
    /// <summary>An attribute of an observation.</summary>
    Attribute,
}

/// <summary>One component of the DSD: a concept with its role and representation.</summary>
/// <param name="Id">The component's id, which is also its concept's id and its SDMX-CSV column.</param>
/// <param name="Role">Dimension, time dimension, measure or attribute.</param>
/// <param name="Name">The concept's name in the four languages.</param>
/// <param name="Codelist">The id of the code list that enumerates its values; null for free text or a time.</param>
/// <param name="Mandatory">For attributes: true when every observation carries it.</param>
internal sealed record SdmxComponent(string Id, SdmxRole Role, LocalizedText Name, string? Codelist, bool Mandatory = true);

/// <summary>One code of a code list of the structure.</summary>
internal sealed record SdmxCode(string Id, LocalizedText Name);

/// <summary>A code list of the structure.</summary>
internal sealed record SdmxCodelist(string Id, LocalizedText Name, IReadOnlyList<SdmxCode> Codes);

/// <summary>
/// The SDMX view of the snapshot: one data structure definition (DSD) whose dimensions are the reporting state, the
/// year, the indicator and the catalog's dimensions, with one primary measure and the attributes unit, observation
/// status, confidentiality status and comment; its concept scheme; and the code lists that enumerate every coded
/// component, names in en, es, pt and fr. structure.xml writes it as SDMX-ML 2.1, observations.sdmx.csv refers to it.
/// </summary>
/// <remarks>
/// <para>
/// A dimension the indicator lacks is <c>_Z</c> (not applicable), the SDMX convention, since every SDMX dimension
/// has a value. The artefacts' version follows the catalog's ("1" gives 1.0), so a new catalog gives a new DSD.
/// </para>
/// <para>
/// Coded indicators (treaty status, yes/no) carry their code in OBS_VALUE, which is therefore typed as text; the
/// code lists CL_TREATY_STATUS and CL_YES_NO are part of the structure and UNIT_MEASURE names which of them applies.
/// </para>
/// <para>
/// Flags map to SDMX's cross-domain code lists: estimated is OBS_STATUS <c>E</c>, provisional <c>P</c>, any other
/// published value <c>A</c> (normal); a cell withheld by disclosure control is CONF_STATUS <c>C</c> (confidential)
/// with no value and no observation status, every other cell CONF_STATUS <c>F</c> (free).
/// </para>
/// </remarks>
internal sealed class SdmxStructure
{
    /// <summary>The maintenance agency of every artefact.</summary>
    public const string Agency = "IIN";
    /// <summary>The DSD's id.</summary>
    public const string DsdId = "DSD_OBSERVATORY";
    /// <summary>The concept scheme's id.</summary>
    public const string ConceptSchemeId = "CS_OBSERVATORY";

    public const string RefArea = "REF_AREA";
    public const string TimePeriod = "TIME_PERIOD";
    public const string IndicatorId = "INDICATOR";
    public const string ObsValue = "OBS_VALUE";
    public const string UnitMeasure = "UNIT_MEASURE";
    public const string ObsStatus = "OBS_STATUS";
    public const string ConfStatus = "CONF_STATUS";
    public const string Comment = "COMMENT";

    /// <summary>OBS_STATUS of a normal value.</summary>
    public const string StatusNormal = "A";
    /// <summary>OBS_STATUS of an estimated value.</summary>
    public const string StatusEstimated = "E";
    /// <summary>OBS_STATUS of a provisional value.</summary>
    public const string StatusProvisional = "P";
    /// <summary>CONF_STATUS of a published value.</summary>
    public const string Free = "F";
    /// <summary>CONF_STATUS of a value withheld by disclosure control.</summary>
    public const string Confidential = "C";

    public SdmxStructure(CatalogIndex index, MemberStateRegistry states)
    {
        Version = $"{index.Catalog.Version}.0";
        var dimensionLists = index.Dimensions.Select(d => new SdmxCodelist(CodelistId(d.Id), d.Labels,
            [.. d.Items.Select(i => new SdmxCode(i.Code, i.Labels)), .. d.Contains(CodeList.NotApplicable) ? Array.Empty<SdmxCode>() : [new SdmxCode(CodeList.NotApplicable, NotApplicable)]]));
        var units = index.Catalog.Indicators.Select(i => i.Unit).Distinct(StringComparer.Ordinal).Select(u => new SdmxCode(u, UnitName(u)));

        Codelists =
        [
            new(CodelistId(RefArea), Names.RefArea,
                [.. states.All.OrderBy(s => s.Iso3, StringComparer.Ordinal).Select(s => new SdmxCode(s.Iso3, s.Names))]),
            new(CodelistId(IndicatorId), Names.Indicator, [.. index.Catalog.Indicators.Select(i => new SdmxCode(i.Code, i.Labels))]),
            .. dimensionLists,
            new(CodelistId(UnitMeasure), Names.UnitMeasure, [.. units]),
            new(CodelistId(ObsStatus), Names.ObsStatus,
            [
                new(StatusNormal, new("Normal value", "Valor normal", "Valor normal", "Valeur normale")),
                new(StatusEstimated, new("Estimated value", "Valor estimado", "Valor estimado", "Valeur estimée")),
                new(StatusProvisional, new("Provisional value", "Valor provisional", "Valor provisório", "Valeur provisoire")),
            ]),
            new(CodelistId(ConfStatus), Names.ConfStatus,
            [
                new(Free, new("Free", "Libre", "Livre", "Libre")),
                new(Confidential, new("Confidential statistical information", "Información estadística confidencial",
                    "Informação estatística confidencial", "Information statistique confidentielle")),
            ]),
            .. index.ValueLists.Select(l => new SdmxCodelist(CodelistId(l.Id), l.Labels, [.. l.Items.Select(i => new SdmxCode(i.Code, i.Labels))])),
        ];

        Components =
        [
            new(RefArea, SdmxRole.Dimension, Names.RefArea, CodelistId(RefArea)),
            new(IndicatorId, SdmxRole.Dimension, Names.Indicator, CodelistId(IndicatorId)),
            .. index.Dimensions.Select(d => new SdmxComponent(d.Id, SdmxRole.Dimension, d.Labels, CodelistId(d.Id))),
            new(TimePeriod, SdmxRole.TimeDimension, Names.TimePeriod, null),
            new(ObsValue, SdmxRole.Measure, Names.ObsValue, null),
            new(UnitMeasure, SdmxRole.Attribute, Names.UnitMeasure, CodelistId(UnitMeasure)),
            new(ObsStatus, SdmxRole.Attribute, Names.ObsStatus, CodelistId(ObsStatus), Mandatory: false),
            new(ConfStatus, SdmxRole.Attribute, Names.ConfStatus, CodelistId(ConfStatus)),
            new(Comment, SdmxRole.Attribute, Names.Comment, null, Mandatory: false),
        ];

        CsvColumns =
        [
            RefArea, TimePeriod, IndicatorId, .. index.Dimensions.Select(d => d.Id), ObsValue, UnitMeasure, ObsStatus, ConfStatus, Comment,
        ];
    }

    /// <summary>The version of every artefact: the catalog version with ".0".</summary>
    public string Version { get; }

    /// <summary>The DSD as SDMX-CSV 2.0's STRUCTURE_ID names it: <c>IIN:DSD_OBSERVATORY(1.0)</c>.</summary>
    public string StructureId => $"{Agency}:{DsdId}({Version})";

    /// <summary>The components, dimensions first (the time dimension last of them), then the measure and attributes.</summary>
    public IReadOnlyList<SdmxComponent> Components { get; }

    /// <summary>Every code list, in the order structure.xml lists them.</summary>
    public IReadOnlyList<SdmxCodelist> Codelists { get; }

    /// <summary>The component columns of observations.sdmx.csv, after STRUCTURE, STRUCTURE_ID and ACTION.</summary>
    public IReadOnlyList<string> CsvColumns { get; }

    /// <summary>
    /// The columns of observations.sdmx.csv as a Table Schema describes them: all text, the coded ones with their
    /// codes and English names as categories.
    /// </summary>
    public IReadOnlyList<TableField> CsvFields()
    {
        var lists = Codelists.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var components = Components.ToDictionary(c => c.Id, StringComparer.Ordinal);
        List<TableField> fields =
        [
            new("STRUCTURE", "string", "SDMX-CSV 2.0: the kind of structure the rows conform to, always datastructure.") { Required = true },
            new("STRUCTURE_ID", "string", $"SDMX-CSV 2.0: the data structure definition of structure.xml, {StructureId}.") { Required = true },
            new("ACTION", "string", "SDMX-CSV 2.0: I, the data is published for information.") { Required = true },
        ];
        foreach (var column in CsvColumns)
        {
            var component = components[column];
            var role = component.Role switch
            {
                SdmxRole.Dimension or SdmxRole.TimeDimension => "Dimension",
                SdmxRole.Measure => "Primary measure",
                _ => "Attribute",
            };
            var meaning = column switch
            {
                TimePeriod => "The reporting year.",
                ObsValue => "The value: a number, or the code of a coded indicator (see UNIT_MEASURE). Blank when withheld (CONF_STATUS C).",
                ObsStatus => "A normal, E estimated, P provisional. Blank when withheld.",
                ConfStatus => "F free, C confidential: withheld by disclosure control, without a value.",
                Comment => "The reporting state's note on the figure; never given for a withheld cell.",
                _ => component.Codelist is { } id ? $"A code of {id}; _Z where the indicator has no such dimension." : string.Empty,
            };
            fields.Add(new(column, "string", $"{role} {column} ({component.Name.En}). {meaning}".TrimEnd())
            {
                Categories = component.Codelist is { } list ? [.. lists[list].Codes.Select(c => new KeyValuePair<string, string>(c.Id, c.Name.En))] : null,
                Required = component.Role != SdmxRole.Measure && component.Mandatory,
            });
        }
        return fields;
    }

    /// <summary>The code list of a concept: CL_ and its id (CL_SEX, CL_REF_AREA).</summary>
    public static string CodelistId(string conceptId) => "CL_" + conceptId;

    /// <summary>The OBS_STATUS of a published row; null for a withheld one.</summary>
    public static string? ObservationStatus(PublishedRow row) => row.Flag switch
    {
        FlagCodes.Suppressed => null,
        FlagCodes.Estimated => StatusEstimated,
        FlagCodes.Provisional => StatusProvisional,
        _ => StatusNormal,
    };

    /// <summary>The CONF_STATUS of a published row: C when withheld (the row's flag is suppressed), else F.</summary>
    public static string ConfidentialityStatus(PublishedRow row) => row.IsSuppressed ? Confidential : Free;

    private static readonly LocalizedText NotApplicable = new("Not applicable", "No aplica", "Não se aplica", "Sans objet");

    private static LocalizedText UnitName(string unit) => unit switch
    {
        IndicatorUnits.Number => new("Number (a count)", "Número (un recuento)", "Número (uma contagem)", "Nombre (un comptage)"),
        IndicatorUnits.Per100000PopU18 => new("Per 100,000 residents under 18", "Por cada 100.000 residentes menores de 18 años",
            "Por 100.000 residentes menores de 18 anos", "Pour 100 000 résidents de moins de 18 ans"),
        IndicatorUnits.TreatyStatus => new("Treaty status: a code of CL_TREATY_STATUS", "Estado del tratado: un código de CL_TREATY_STATUS",
            "Situação do tratado: um código de CL_TREATY_STATUS", "Statut du traité : un code de CL_TREATY_STATUS"),
        IndicatorUnits.YesNo => new("Yes or no: a code of CL_YES_NO", "Sí o no: un código de CL_YES_NO",
            "Sim ou não: um código de CL_YES_NO", "Oui ou non : un code de CL_YES_NO"),
        _ => new(unit, unit, unit, unit),
    };

    /// <summary>The names of the concepts that are not catalog dimensions.</summary>
    private static class Names
    {
        public static readonly LocalizedText RefArea = new("Reference area", "Área de referencia", "Área de referência", "Zone de référence");
        public static readonly LocalizedText TimePeriod = new("Time period", "Período", "Período", "Période");
        public static readonly LocalizedText Indicator = new("Indicator", "Indicador", "Indicador", "Indicateur");
        public static readonly LocalizedText ObsValue = new("Observation value", "Valor de la observación", "Valor da observação", "Valeur de l'observation");
        public static readonly LocalizedText UnitMeasure = new("Unit of measure", "Unidad de medida", "Unidade de medida", "Unité de mesure");
        public static readonly LocalizedText ObsStatus = new("Observation status", "Estado de la observación", "Situação da observação", "Statut de l'observation");
        public static readonly LocalizedText ConfStatus = new("Confidentiality status", "Estado de confidencialidad", "Situação de confidencialidade", "Statut de confidentialité");
        public static readonly LocalizedText Comment = new("Comment", "Comentario", "Comentário", "Commentaire");
    }
}

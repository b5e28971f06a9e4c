using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots;

/// <summary>The columns of indicators.csv and coverage.csv.</summary>
internal static class SideTables
{
    /// <summary>The separator of the list columns (dimensions, indicators).</summary>
    public const string ListDelimiter = ";";

    // Declared before the fields that use it: static fields are initialised in order.
    private static readonly (string Code, string Name)[] Languages = [("en", "English"), ("es", "Spanish"), ("pt", "Portuguese"), ("fr", "French")];

    public static IReadOnlyList<TableField> IndicatorFields { get; } =
    [
        new("code", "string", "The indicator code, as in the indicator column of the observations.") { Required = true },
        new("label_en", "string", "Its short name in English.") { Required = true },
        new("label_es", "string", "Its short name in Spanish.") { Required = true },
        new("label_pt", "string", "Its short name in Portuguese.") { Required = true },
        new("label_fr", "string", "Its short name in French.") { Required = true },
        new("description_en", "string", "What it counts, in English.") { Required = true },
        new("description_es", "string", "What it counts, in Spanish.") { Required = true },
        new("description_pt", "string", "What it counts, in Portuguese.") { Required = true },
        new("description_fr", "string", "What it counts, in French.") { Required = true },
        new("unit", "string", "NUMBER (a whole count), PER_100000_POP_U18 (a rate), or the code list of a coded value (TREATY_STATUS, YES_NO).") { Required = true },
        new("dimensions", "list", "The dimensions it is broken down by, separated by ';'; blank for none.") { ListDelimiter = ListDelimiter },
        new("protected", "boolean", "true when it counts child victims: small values are withheld (see README.md).") { Required = true },
        new("derived", "boolean", "true when computed at snapshot time from other indicators, never reported.") { Required = true },
        .. MetadataFields("definition", "Its definition: what exactly is counted or recorded"),
        .. MetadataFields("source_agency_type", "The kind of national agency the figures come from"),
        .. MetadataFields("methodology", "How the figures are collected and counted"),
        .. MetadataFields("comparability", "What limits comparisons between states, years and global series"),
    ];

    public static IReadOnlyList<TableField> CoverageFields { get; } =
    [
        new("country", "string", "The member state, ISO 3166-1 alpha-3 code.") { Required = true },
        new("m49", "string", "Its UN M49 code.") { Required = true },
        new("country_name", "string", "Its name in English.") { Required = true },
        new("year", "integer", "The reporting year.") { Required = true },
        new("participating", "boolean", "true when the state was expected to report for the year.") { Required = true },
        new("submitted", "boolean", "true when the state has accepted data for the year.") { Required = true },
        new("submission_id", "string", "The submission whose data is published; blank when none."),
        new("accepted_at", "datetime", "When that submission was accepted (UTC); blank when none."),
        new("indicators_reported", "integer", "How many indicators the state reported.") { Required = true },
        new("indicators", "list", "The indicators it reported, separated by ';', in catalog order.") { ListDelimiter = ListDelimiter },
    ];

    public static IEnumerable<string?> IndicatorRow(Indicator indicator) =>
    [
        indicator.Code,
        .. indicator.Labels.All,
        .. indicator.Descriptions.All,
        indicator.Unit,
        string.Join(ListDelimiter, indicator.Dimensions),
        indicator.Protected ? "true" : "false",
        indicator.Derived ? "true" : "false",
        .. Texts(indicator.Metadata?.Definition),
        .. Texts(indicator.Metadata?.SourceAgencyType),
        .. Texts(indicator.Metadata?.Methodology),
        .. Texts(indicator.Metadata?.Comparability),
    ];

    private static IEnumerable<TableField> MetadataFields(string name, string meaning) =>
        Languages.Select(l => new TableField($"{name}_{l.Code}", "string", $"{meaning}, in {l.Name} (catalog metadata; blank when the catalog gives none)."));

    private static IEnumerable<string?> Texts(LocalizedText? text) => text is null ? new string?[4] : text.All.Cast<string?>();

    public static IEnumerable<string?> CoverageRow(CoverageEntry entry, int year) =>
    [
        entry.State.Iso3,
        entry.State.M49,
        entry.State.Names.En,
        PublishedFormat.Year(year),
        entry.Participating ? "true" : "false",
        entry.Submitted ? "true" : "false",
        entry.SubmissionId,
        entry.AcceptedAt is { } acceptedAt ? PublishedFormat.Timestamp(acceptedAt) : null,
        entry.Indicators.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string.Join(ListDelimiter, entry.Indicators),
    ];
}

using Observatory.Core.ReferenceData;
using Observatory.Core.Snapshots.Sdmx;

namespace Observatory.Core.Snapshots;

/// <summary>
/// codelists.csv: every code of every coded column of observations.csv and observations.sdmx.csv, one row each,
/// with its label in English, Spanish, Portuguese and French.
/// </summary>
internal static class CodelistsTable
{
    /// <summary>The code list of observations.csv's flag column, which SDMX expresses as OBS_STATUS and CONF_STATUS.</summary>
    public const string FlagList = "FLAG";

    public static IReadOnlyList<TableField> Fields { get; } =
    [
        new("list", "string", "The code list: its SDMX id in structure.xml (CL_SEX, CL_REF_AREA, …), or FLAG for the flag column of observations.csv.") { Required = true },
        new("column", "string", "The column of observations.csv whose values are codes of the list; blank when only the SDMX file uses it."),
        new("sdmx_column", "string", "The column of observations.sdmx.csv whose values are codes of the list; blank when only observations.csv uses it."),
        new("code", "string", "The code, as it appears in the data.") { Required = true },
        new("label_en", "string", "Its label in English.") { Required = true },
        new("label_es", "string", "Its label in Spanish.") { Required = true },
        new("label_pt", "string", "Its label in Portuguese.") { Required = true },
        new("label_fr", "string", "Its label in French.") { Required = true },
    ];

    public static IEnumerable<IEnumerable<string?>> Rows(SdmxStructure structure)
    {
        var sdmxColumns = structure.Components.Where(c => c.Codelist is not null).ToDictionary(c => c.Codelist!, c => c.Id, StringComparer.Ordinal);
        foreach (var list in structure.Codelists)
        {
            var sdmxColumn = sdmxColumns.GetValueOrDefault(list.Id);
            var column = CsvColumn(list.Id, structure);
            // Coded indicators carry their code in OBS_VALUE.
            if (sdmxColumn is null && column == "value_code")
                sdmxColumn = SdmxStructure.ObsValue;
            foreach (var code in list.Codes)
            {
                // _Z (not applicable) is blank in observations.csv.
                var inCsv = column is not null && code.Id != CodeList.NotApplicable;
                yield return [list.Id, inCsv ? column : null, sdmxColumn, code.Id, .. code.Name.All];
            }
        }
        foreach (var (code, name) in Flags)
            yield return [FlagList, "flag", null, code, .. name.All];
    }

    private static string? CsvColumn(string listId, SdmxStructure structure) => listId switch
    {
        _ when listId == SdmxStructure.CodelistId(SdmxStructure.RefArea) => "country",
        _ when listId == SdmxStructure.CodelistId(SdmxStructure.IndicatorId) => "indicator",
        _ when listId == SdmxStructure.CodelistId(SdmxStructure.UnitMeasure) => "unit",
        _ when listId == SdmxStructure.CodelistId(SdmxStructure.ObsStatus) || listId == SdmxStructure.CodelistId(SdmxStructure.ConfStatus) => null,
        _ when structure.Components.Any(c => c.Role == SdmxRole.Dimension && SdmxStructure.CodelistId(c.Id) == listId) => listId["CL_".Length..],
        _ => "value_code",
    };

    private static readonly (string Code, LocalizedText Name)[] Flags =
    [
        (FlagCodes.Suppressed, new("Withheld by disclosure control", "Omitido por control de divulgación", "Omitido por controle de divulgação", "Masqué par le contrôle de la divulgation")),
        (FlagCodes.Estimated, new("Estimated", "Estimado", "Estimado", "Estimé")),
        (FlagCodes.Provisional, new("Provisional", "Provisional", "Provisório", "Provisoire")),
    ];
}

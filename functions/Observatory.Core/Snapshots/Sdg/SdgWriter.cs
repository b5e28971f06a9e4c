using System.Globalization;
using Observatory.Core.ReferenceData;
using Observatory.Core.Snapshots.Writers;

namespace Observatory.Core.Snapshots.Sdg;

/// <summary>
/// sdg-16-2-2.csv: the observatory's detected child victims in the shape of the global SDG series VC_HTF_DETV
/// (detected victims of trafficking in persons), child part: sexes _T, F and M, age under 18, and the forms of
/// exploitation the global series distinguishes. Built from the published cells only (see <see cref="Mapping"/>).
/// </summary>
internal sealed class SdgWriter(HashingStream output, CatalogIndex index) : IObservationsWriter
{
    /// <summary>The indicator that maps to the series.</summary>
    public const string SourceIndicator = "CT_VICT_DET";
    /// <summary>The global series.</summary>
    public const string Series = "VC_HTF_DETV";
    /// <summary>The age group of every row: under 18, in SDMX notation.</summary>
    public const string AgeUnder18 = "Y0T17";

    private static readonly string[] Sexes = ["_T", "F", "M"];
    private static readonly string[] Kept = ["_T", "SEXUAL", "FORCED_LABOUR", "ORGAN_REMOVAL"];
    private const string Other = "OTHER";

    /// <summary>The mapping as published in the README and the data package.</summary>
    public static readonly IReadOnlyList<string> Mapping =
    [
        $"Rows come from {SourceIndicator} cells with AGE _T (every child, under 18) and CITIZENSHIP _T, for SEX _T, F and M; SEX _U does not map (the global series has no unknown sex).",
        "EXPLOITATION _T, SEXUAL, FORCED_LABOUR and ORGAN_REMOVAL map to the global series' all forms, sexual exploitation, forced labour and organ removal.",
        "OTHER in sdg-16-2-2.csv is the sum of the published FORCED_CRIMINALITY, BEGGING, FORCED_MARRIAGE, ILLEGAL_ADOPTION, MIXED and OTHER cells (the global series' other purposes; mixed forms are counted there, which the global series may not do); when any of them is withheld, the sum is withheld too. EXPLOITATION _U does not map.",
        "A cell withheld in observations.csv is withheld here (flag suppressed, no value); nothing here is published that observations.csv does not publish or add up from its published cells.",
        "The global rate series (VC_HTF_DETVR) is per 100,000 of the whole population; the observatory's CT_VICT_DET_RATE is per 100,000 residents under 18, so it is not given here.",
        "The figures are the children detected by national authorities as the focal points report them, not the UNODC's own compilation, which may differ in sources and dates.",
    ];

    private readonly CsvTableWriter _csv = new(output);

    /// <summary>The columns of sdg-16-2-2.csv.</summary>
    public static IReadOnlyList<TableField> Fields { get; } =
    [
        new("series", "string", $"The global SDG series: {Series}, detected victims of trafficking in persons (SDG indicator 16.2.2).") { Required = true },
        new("country", "string", "The reporting member state, ISO 3166-1 alpha-3 code.") { Required = true },
        new("m49", "string", "Its UN M49 code (GeoAreaCode in the SDG database).") { Required = true },
        new("country_name", "string", "Its name in English.") { Required = true },
        new("year", "integer", "The reporting year (TimePeriod).") { Required = true },
        new("sex", "string", "_T both sexes, F female, M male.") { Required = true },
        new("age", "string", $"{AgeUnder18}: under 18, every row.") { Required = true },
        new("exploitation", "string", "_T all forms, SEXUAL, FORCED_LABOUR, ORGAN_REMOVAL, or OTHER (other purposes; see the mapping in README.md).") { Required = true },
        new("value", "number", "The number of child victims detected; blank when withheld (flag suppressed).") { BlankMeans = "withheld by disclosure control (flag suppressed)" },
        new("flag", "string", "suppressed, estimated, provisional, or blank, as in observations.csv (for OTHER, the first of these that any part has)."),
        new("source", "string", $"The {SourceIndicator} cells the row comes from (EXPLOITATION codes, separated by ';').") { Required = true },
    ];

    public HashingStream Output => output;

    public Task StartAsync(CancellationToken cancellationToken) => _csv.WriteRowAsync(Fields.Select(f => f.Name), cancellationToken);

    public async Task WriteStateAsync(IReadOnlyList<PublishedRow> rows, CancellationToken cancellationToken)
    {
        int sex = index.DimensionColumn("SEX"), age = index.DimensionColumn("AGE"), exploitation = index.DimensionColumn("EXPLOITATION"), citizenship = index.DimensionColumn("CITIZENSHIP");
        if (sex < 0 || age < 0 || exploitation < 0 || citizenship < 0)
            return;
        var cells = rows.Where(r => r.Indicator.Code == SourceIndicator && r.Dimensions[age] == CodeList.Total && r.Dimensions[citizenship] == CodeList.Total).ToList();
        foreach (var s in Sexes)
        {
            var bySex = cells.Where(r => r.Dimensions[sex] == s).ToList();
            foreach (var form in Kept)
            {
                if (bySex.FirstOrDefault(r => r.Dimensions[exploitation] == form) is { } row)
                    await WriteAsync(row, s, form, row.IsSuppressed ? null : row.Number, row.Flag, form, cancellationToken);
            }
            var others = bySex.Where(r => r.Dimensions[exploitation] is { } e && !Kept.Contains(e) && e != CodeList.Unknown).ToList();
            if (others.Count == 0)
                continue;
            var flag = new[] { FlagCodes.Suppressed, FlagCodes.Estimated, FlagCodes.Provisional }.FirstOrDefault(f => others.Any(o => o.Flag == f));
            var sum = flag == FlagCodes.Suppressed || others.Any(o => o.Number is null) ? (decimal?)null : others.Sum(o => o.Number!.Value);
            await WriteAsync(others[0], s, Other, sum, sum is null ? FlagCodes.Suppressed : flag,
                string.Join(';', others.Select(o => o.Dimensions[exploitation])), cancellationToken);
        }
        await _csv.FlushAsync(cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _csv.FlushAsync(cancellationToken);
        await _csv.DisposeAsync();
    }

    private Task WriteAsync(PublishedRow row, string sex, string exploitation, decimal? value, string? flag, string source, CancellationToken cancellationToken) =>
        _csv.WriteRowAsync(
        [
            Series, row.State.Iso3, row.State.M49, row.State.Names.En, row.Text.Year, sex, AgeUnder18, exploitation,
            value is { } v ? PublishedFormat.Number(v, 0) : null, flag, source,
        ], cancellationToken);
}

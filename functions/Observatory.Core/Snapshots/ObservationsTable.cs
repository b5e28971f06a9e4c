using Observatory.Core.ReferenceData;

namespace Observatory.Core.Snapshots;

/// <summary>How a column of the observations table is typed in every format.</summary>
internal enum ColumnKind
{
    /// <summary>Text; blank (or null) when absent.</summary>
    Text,
    /// <summary>The reporting year, a whole number.</summary>
    Year,
    /// <summary>The numeric value: a count or a rate; blank when suppressed or coded.</summary>
    Number,
    /// <summary>A UTC time to the second.</summary>
    Timestamp,
}

/// <summary>A column of the observations table: its schema and how a row gives its value.</summary>
/// <param name="Field">Name, type and description.</param>
/// <param name="Kind">How every format types it.</param>
/// <param name="Text">For text columns, the row's value.</param>
internal sealed record ObservationColumn(TableField Field, ColumnKind Kind, Func<PublishedRow, string?>? Text = null)
{
    public string Name => Field.Name;
}

/// <summary>
/// The columns of the observations table, the one definition that the CSV, JSON, Parquet and Excel writers and the
/// data package share, so the four files have the same columns in the same order with the same meaning.
/// </summary>
internal sealed class ObservationsTable
{
    /// <summary>The columns of an annual snapshot's table, or with <paramref name="series"/> those of the time series.</summary>
    /// <param name="index">The catalog.</param>
    /// <param name="states">The member states.</param>
    /// <param name="series">
    /// True for the time series across years: after the year, a column names the version of the year's annual
    /// snapshot each row comes from.
    /// </param>
    public ObservationsTable(CatalogIndex index, MemberStateRegistry states, bool series = false)
    {
        var countries = states.All.OrderBy(s => s.Iso3, StringComparer.Ordinal).Select(s => Label(s.Iso3, s.Names.En)).ToList();
        var indicators = index.Catalog.Indicators.Select(i => Label(i.Code, i.Labels.En)).ToList();
        var units = index.Catalog.Indicators.Select(i => i.Unit).Distinct(StringComparer.Ordinal).Select(u => Label(u, UnitLabel(u))).ToList();
        var codes = index.ValueLists.SelectMany(l => l.Items).DistinctBy(i => i.Code).Select(i => Label(i.Code, i.Labels.En)).ToList();

        List<ObservationColumn> columns =
        [
            new(new("country", "string", "The reporting member state, ISO 3166-1 alpha-3 code.") { Categories = countries, Required = true },
                ColumnKind.Text, r => r.State.Iso3),
            new(new("m49", "string", "The state's UN M49 code, three digits with leading zeros.") { Required = true },
                ColumnKind.Text, r => r.State.M49),
            new(new("country_name", "string", "The state's name in English.") { Required = true },
                ColumnKind.Text, r => r.State.Names.En),
            new(new("year", "integer", "The reporting year (calendar year).") { Required = true }, ColumnKind.Year),
            .. series
                ? new ObservationColumn[]
                {
                    new(new(SeriesVersionColumn, "string", "The version of the year's annual snapshot this row comes from (a UTC stamp such as 20260301T060000Z): the first version of the year that published the year's observations as they stand; any later version of the year published the same rows byte for byte.") { Required = true },
                        ColumnKind.Text, r => r.Version),
                }
                : [],
            new(new("indicator", "string", "The indicator code; see indicators.csv.") { Categories = indicators, Required = true },
                ColumnKind.Text, r => r.Indicator.Code),
        ];
        for (var d = 0; d < index.Dimensions.Count; d++)
        {
            var dimension = index.Dimensions[d];
            var column = d;
            columns.Add(new(
                new(dimension.Id, "string", $"{dimension.Labels.En}: a code of the {dimension.Id} code list ({SpecialCodes(dimension)}). Blank where the indicator has no such dimension.")
                {
                    Categories = [.. dimension.Items.Select(i => Label(i.Code, i.Labels.En))],
                    BlankMeans = "the indicator has no such dimension",
                },
                ColumnKind.Text, r => r.Dimensions[column]));
        }
        columns.AddRange(
        [
            new(new("value", "number", "The value of a numeric indicator: a count, or a rate for a derived indicator. Blank when the value is withheld by disclosure control (flag suppressed) or when the indicator is coded (see value_code).")
                { BlankMeans = "withheld by disclosure control (flag suppressed), or a coded indicator (see value_code)" },
                ColumnKind.Number),
            new(new("value_code", "string", "The value of a coded indicator (treaty status, yes/no). Blank for numeric indicators.") { Categories = codes },
                ColumnKind.Text, r => r.Code),
            new(new("unit", "string", "The unit of the value: NUMBER (a count), PER_100000_POP_U18 (a rate per 100,000 residents under 18), or the code list of a coded value.") { Categories = units, Required = true },
                ColumnKind.Text, r => r.Indicator.Unit),
            new(new("flag", "string", "suppressed: the value is withheld by disclosure control; estimated: the figure is an estimate; provisional: it may still change. Blank otherwise.")
                {
                    Categories =
                    [
                        Label(FlagCodes.Suppressed, "Withheld by disclosure control: a small count of child victims, or a further cell withheld so that no small count can be narrowed down beyond what the threshold rule states (see README.md, Disclosure control)"),
                        Label(FlagCodes.Estimated, "Estimated by the reporting state"),
                        Label(FlagCodes.Provisional, "Provisional: may still change"),
                    ],
                },
                ColumnKind.Text, r => r.Flag),
            new(new("note", "string", "The reporting state's note on the figure, the same text in every format. Never given for a suppressed cell. Where a spreadsheet would run a note beginning with =, +, -, @, a tab or a carriage return as a formula, it is neutralised: in the CSV it is preceded by an apostrophe ('), in the Excel workbook its cell is marked quote-prefixed (Excel's own way of keeping it text; the text itself is unchanged)."),
                ColumnKind.Text, r => r.Note),
            new(new("submission_id", "string", "The submission the figure comes from.") { Required = true },
                ColumnKind.Text, r => r.SubmissionId),
            new(new("accepted_at", "datetime", "When that submission was accepted as the state's current data (UTC).") { Required = true },
                ColumnKind.Timestamp),
        ]);
        Columns = columns;
    }

    public IReadOnlyList<ObservationColumn> Columns { get; }

    /// <summary>The time series' column that names the annual version of each row.</summary>
    public const string SeriesVersionColumn = "snapshot_version";

    private static KeyValuePair<string, string> Label(string value, string label) => new(value, label);

    /// <summary>The SDMX special codes the list has, explained: "_T total, _U unknown", or "_T total" for OFFENCE.</summary>
    private static string SpecialCodes(CodeList list) =>
        string.Join(", ", new[] { (CodeList.Total, "total"), (CodeList.Unknown, "unknown"), (CodeList.NotApplicable, "not applicable") }
            .Where(c => list.Contains(c.Item1)).Select(c => $"{c.Item1} {c.Item2}"));

    private static string UnitLabel(string unit) => unit switch
    {
        IndicatorUnits.Number => "A count",
        IndicatorUnits.Per100000PopU18 => "A rate per 100,000 residents under 18",
        IndicatorUnits.TreatyStatus => "A code of the TREATY_STATUS list",
        IndicatorUnits.YesNo => "A code of the YES_NO list",
        _ => unit,
    };
}

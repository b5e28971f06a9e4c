using Observatory.Core.ReferenceData;

namespace Observatory.Benchmarks.Data;

/// <summary>
/// The shipped reference data, widened so that a return can hold a million distinct cells. Catalog version 1 has fewer
/// than 900 cells per state and year, so larger returns would be nothing but duplicates; the benchmarks add one count
/// broken down by sex, age and two area dimensions of 250 codes each (4 × 4 × 251 × 251 cells), and let every state
/// submit for any year (the shipped registry keeps Cuba, Nicaragua and Venezuela out of recent years).
/// </summary>
public static class BenchmarkReferenceData
{
    /// <summary>The added indicator.</summary>
    public const string AreaIndicator = "CT_VICT_AREA";

    /// <summary>The added dimensions.</summary>
    public const string Region = "REGION";

    /// <summary>The second added dimension.</summary>
    public const string District = "DISTRICT";

    /// <summary>Codes per area dimension, _T aside: the validator numbers a list's codes in one byte.</summary>
    public const int AreaCodes = 250;

    /// <summary>The widened reference data.</summary>
    public static ReferenceDataSet Instance { get; } = Build();

    /// <summary>The code of region <paramref name="index"/> (0-based): R001.</summary>
    public static string RegionCode(int index) => $"R{index + 1:000}";

    /// <summary>The code of district <paramref name="index"/> (0-based): D001.</summary>
    public static string DistrictCode(int index) => $"D{index + 1:000}";

    private static ReferenceDataSet Build()
    {
        var shipped = ReferenceDataSet.Default;
        var catalog = shipped.Catalog;
        CodeList[] areas =
        [
            AreaList(Region, new LocalizedText("Region", "Región", "Região", "Région"), RegionCode),
            AreaList(District, new LocalizedText("District", "Distrito", "Distrito", "District"), DistrictCode),
        ];
        var indicator = new Indicator(AreaIndicator,
            new LocalizedText("Child victims detected, by area", "Víctimas detectadas, por zona", "Vítimas detectadas, por área", "Victimes détectées, par zone"),
            new LocalizedText("Child victims detected, by region and district", "Víctimas detectadas, por región y distrito",
                "Vítimas detectadas, por região e distrito", "Victimes détectées, par région et district"),
            IndicatorUnits.Number, ["SEX", "AGE", Region, District], Protected: true, Derived: false, []);

        // The catalog lists its dimensions before its value lists.
        var lists = catalog.CodeLists.Where(l => l.IsDimension).Concat(areas).Concat(catalog.CodeLists.Where(l => !l.IsDimension)).ToList();
        var columns = catalog.Columns.Concat(areas.Select(a => new ColumnAliases(a.Id, a.Labels, []))).ToList();
        var widened = new IndicatorCatalog(catalog.Version, [.. catalog.Indicators, indicator], lists, columns);

        var open = new ParticipationPeriod(new DateOnly(1948, 4, 30), null, "Benchmarks: every state takes part.");
        var states = new MemberStateRegistry([.. shipped.States.All.Select(s => s with { Participation = [open] })]);
        return new ReferenceDataSet(widened, states);
    }

    private static CodeList AreaList(string id, LocalizedText labels, Func<int, string> code)
    {
        var items = Enumerable.Range(0, AreaCodes)
            .Select(i => new CodeItem(code(i), new LocalizedText(code(i), code(i), code(i), code(i)), []))
            .Append(new CodeItem(CodeList.Total, new LocalizedText("Total", "Total", "Total", "Total"), []));
        return new CodeList(id, labels, IsDimension: true, [.. items]);
    }
}

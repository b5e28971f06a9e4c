using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Tests.Snapshots;

/// <summary>A catalog and registry shaped like version 1, built in memory (the shipped JSON is not needed here).</summary>
internal static class TestReferenceData
{
    public static IndicatorCatalog Catalog { get; } = BuildCatalog();

    public static MemberStateRegistry States { get; } = new(
    [
        State("ARG", "AR", "032", "Argentina", "Argentina", Language.Es),
        State("BRA", "BR", "076", "Brazil", "Brasil", Language.Pt),
        State("CUB", "CU", "192", "Cuba", "Cuba", Language.Es, until: new DateOnly(1962, 1, 31)),
        State("HTI", "HT", "332", "Haiti", "Haïti", Language.Fr),
        State("MEX", "MX", "484", "Mexico", "México", Language.Es),
    ]);

    public static Indicator Indicator(string code) => Catalog.Indicators.Single(i => i.Code == code);

    private static IndicatorCatalog BuildCatalog()
    {
        CodeList[] lists =
        [
            Dimension("SEX", "Sex", "Sexo", ("F", "Female", "Femenino"), ("M", "Male", "Masculino"), ("_U", "Unknown", "Desconocido"), ("_T", "Total", "Total")),
            Dimension("AGE", "Age", "Edad", ("Y0T11", "0 to 11 years", "0 a 11 años"), ("Y12T17", "12 to 17 years", "12 a 17 años"), ("_U", "Unknown", "Desconocida"), ("_T", "Total", "Total")),
            Dimension("EXPLOITATION", "Form of exploitation", "Forma de explotación", ("SEXUAL", "Sexual exploitation", "Explotación sexual"),
                ("FORCED_LABOUR", "Forced labour", "Trabajo forzoso"), ("OTHER", "Other", "Otra"), ("_U", "Unknown", "Desconocida"), ("_T", "Total", "Total")),
            Dimension("CITIZENSHIP", "Citizenship", "Ciudadanía", ("NATIONAL", "National", "Nacional"), ("FOREIGN", "Foreign", "Extranjera"), ("_U", "Unknown", "Desconocida"), ("_T", "Total", "Total")),
            Dimension("ACCOMPANIMENT", "Accompaniment", "Acompañamiento", ("UNACCOMPANIED", "Unaccompanied", "No acompañado"), ("_U", "Unknown", "Desconocido"), ("_T", "Total", "Total")),
            Dimension("OFFENCE", "Offence", "Delito", ("TRAFFICKING", "Trafficking", "Trata"), ("CSEC", "Commercial sexual exploitation", "Explotación sexual comercial"), ("_T", "Total", "Total")),
            ValueList("TREATY_STATUS", ("RATIFIED", "Ratified or acceded", "Ratificado"), ("SIGNED", "Signed", "Firmado"), ("NONE", "None", "Ninguno")),
            ValueList("YES_NO", ("YES", "Yes", "Sí"), ("NO", "No", "No"), ("PARTIAL", "Partial", "Parcial")),
        ];
        Indicator[] indicators =
        [
            Count("CT_VICT_DET", "Child victims of trafficking detected", "Niñas, niños y adolescentes víctimas de trata detectados", true, "SEX", "AGE", "EXPLOITATION", "CITIZENSHIP"),
            Count("CT_VICT_CSE", "Child victims of commercial sexual exploitation", "Víctimas de explotación sexual comercial", true, "SEX", "AGE"),
            Count("CT_SMUG_MINORS", "Minors smuggled", "Menores objeto de tráfico ilícito", true, "SEX", "AGE", "ACCOMPANIMENT"),
            Count("CT_OFF_REC", "Offences recorded", "Delitos registrados", false, "OFFENCE"),
            Count("CT_PERS_PROS", "Persons prosecuted", "Personas procesadas", false, "SEX"),
            Count("POP_U18", "Population under 18", "Población menor de 18 años", false, "SEX"),
            Coded("LEG_PALERMO", "Palermo Protocol", "Protocolo de Palermo", IndicatorUnits.TreatyStatus),
            Coded("POL_HOTLINE", "National reporting line", "Línea nacional de denuncia", IndicatorUnits.YesNo),
            new("CT_VICT_DET_RATE", Text("Rate of child victims of trafficking detected", "Tasa de víctimas de trata detectadas"),
                Text("Per 100,000 residents under 18", "Por cada 100.000 residentes menores de 18 años"),
                IndicatorUnits.Per100000PopU18, [], Protected: true, Derived: true, []),
        ];
        return new IndicatorCatalog("1", indicators, lists, Columns(lists));
    }

    /// <summary>
    /// A column entry for every column of a return and every dimension, as a consistent catalog has (the snapshot
    /// does not use them; the catalog's own checks require them).
    /// </summary>
    public static IReadOnlyList<ColumnAliases> Columns(IEnumerable<CodeList> lists) =>
    [
        .. ReturnColumn.All
            .Select(c => new ColumnAliases(c, new LocalizedText(c, c + " (es)", c + " (pt)", c + " (fr)"), [])),
        .. lists.Where(l => l.IsDimension).Select(l => new ColumnAliases(l.Id, l.Labels, [])),
    ];

    private static MemberState State(string iso3, string iso2, string m49, string en, string local, Language language, DateOnly? until = null) =>
        new(iso3, iso2, m49, new LocalizedText(en, local, local, local), language, [new ParticipationPeriod(new DateOnly(1948, 4, 30), until, null)], []);

    private static LocalizedText Text(string en, string es) => new(en, es, es + " (pt)", en + " (fr, é)");

    private static CodeList Dimension(string id, string en, string es, params (string Code, string En, string Es)[] codes) =>
        new(id, Text(en, es), true, [.. codes.Select(c => new CodeItem(c.Code, Text(c.En, c.Es), []))]);

    private static CodeList ValueList(string id, params (string Code, string En, string Es)[] codes) =>
        new(id, Text(id, id), false, [.. codes.Select(c => new CodeItem(c.Code, Text(c.En, c.Es), []))]);

    private static Indicator Count(string code, string en, string es, bool isProtected, params string[] dimensions) =>
        new(code, Text(en, es), Text(en + ", in the reporting year", es + ", en el año"), IndicatorUnits.Number, dimensions, isProtected, false, []);

    private static Indicator Coded(string code, string en, string es, string unit) =>
        new(code, Text(en, es), Text(en, es), unit, [], false, false, []);
}

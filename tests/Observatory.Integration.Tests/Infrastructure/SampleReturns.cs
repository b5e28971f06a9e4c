using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;

namespace Observatory.Integration.Tests.Infrastructure;

/// <summary>
/// Returns as focal points write them: a title row above the header, headers and indicators as labels in the
/// state's language, blank dimension cells for totals, numbers in the language's format.
/// </summary>
public static class SampleReturns
{
    private static IndicatorCatalog Catalog => ReferenceDataSet.Default.Catalog;

    private static string Label(string indicator, Language language) => Catalog.FindIndicator(indicator)!.Labels[language];

    /// <summary>A valid Spanish return stating its country: victims by sex adding up, prosecutions, a treaty, a plan and the population.</summary>
    public static IReadOnlyList<object?[]> ValidSpanish(int victimsFemale = 20, int victimsMale = 10, string country = "México") =>
    [
        ["Observatorio — Informe anual de indicadores", null, null, null, null, null, null],
        [$"País: {country}", null, null, null, null, null, null],
        [null, null, null, null, null, null, null],
        ["Indicador", "Sexo", "Edad", "Forma de explotación", "Nacionalidad", "Valor", "Nota"],
        [Label("CT_VICT_DET", Language.Es), null, null, null, null, victimsFemale + victimsMale, null],
        [Label("CT_VICT_DET", Language.Es), "Femenino", null, null, null, victimsFemale, null],
        [Label("CT_VICT_DET", Language.Es), "Masculino", null, null, null, victimsMale, null],
        [Label("CT_PERS_PROS", Language.Es), null, null, null, null, "12", null],
        [Label("CT_PERS_CONV", Language.Es), null, null, null, null, "5", null],
        [Label("POP_U18", Language.Es), null, null, null, null, "40.123.456", "Proyección de población"],
        [Label("LEG_PALERMO", Language.Es), null, null, null, null, "Ratificado", "2003"],
        [Label("POL_NAT_PLAN", Language.Es), null, null, null, null, "Sí", null],
    ];

    /// <summary>The normalized observations <see cref="ValidSpanish"/> must give, as "key=value".</summary>
    public static IReadOnlyList<string> ValidSpanishNormalized(int victimsFemale = 20, int victimsMale = 10) =>
    [
        $"CT_VICT_DET|SEX=_T|AGE=_T|EXPLOITATION=_T|CITIZENSHIP=_T={victimsFemale + victimsMale}",
        $"CT_VICT_DET|SEX=F|AGE=_T|EXPLOITATION=_T|CITIZENSHIP=_T={victimsFemale}",
        $"CT_VICT_DET|SEX=M|AGE=_T|EXPLOITATION=_T|CITIZENSHIP=_T={victimsMale}",
        "CT_PERS_PROS|SEX=_T=12",
        "CT_PERS_CONV|SEX=_T=5",
        "POP_U18|SEX=_T=40123456",
        "LEG_PALERMO=RATIFIED",
        "POL_NAT_PLAN=YES",
    ];

    /// <summary>A Spanish return whose header is on row 3 and which has one error on each of rows 5 to 8.</summary>
    public static IReadOnlyList<object?[]> WithErrorsSpanish() =>
    [
        ["Informe anual 2025", null, null, null],
        [null, null, null, null],
        ["Indicador", "Sexo", "Valor", "Nota"],
        [Label("CT_PERS_PROS", Language.Es), null, "12", null],
        [Label("CT_PERS_CONV", Language.Es), null, "-3", null],
        ["Indicador inventado", null, "4", null],
        [Label("CT_PERS_PROS", Language.Es), "Marciano", "2", null],
        [Label("CT_PERS_CONV", Language.Es), "Femenino", "doce", null],
    ];

    /// <summary>A valid English return of 243 observations (three entity-group transactions): victims by citizenship, age, form and sex, adding up.</summary>
    public static IReadOnlyList<object?[]> ManyObservations(int femaleBase)
    {
        var forms = new[] { "SEXUAL", "FORCED_LABOUR", "FORCED_CRIMINALITY", "BEGGING", "FORCED_MARRIAGE", "ILLEGAL_ADOPTION", "ORGAN_REMOVAL", "MIXED", "OTHER" };
        var ages = new[] { "Y0T11", "Y12T17", "_U" };
        var rows = new List<object?[]> { new object?[] { "Indicator", "Sex", "Age", "Exploitation", "Citizenship", "Value" } };
        foreach (var citizenship in new[] { "NATIONAL", "FOREIGN", "_U" })
            foreach (var age in ages)
                foreach (var form in forms)
                {
                    var female = femaleBase + form.Length;
                    const int male = 2;
                    rows.Add(["CT_VICT_DET", "F", age, form, citizenship, female]);
                    rows.Add(["CT_VICT_DET", "M", age, form, citizenship, male]);
                    rows.Add(["CT_VICT_DET", "_T", age, form, citizenship, female + male]);
                }
        return rows;
    }
}

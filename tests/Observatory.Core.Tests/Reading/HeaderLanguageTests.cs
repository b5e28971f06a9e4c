using Observatory.Core.Languages;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Tests.Reading;

/// <summary>How the catalog adapter tells the language of a header from the column's labels.</summary>
public class HeaderLanguageTests
{
    private static readonly ColumnAliases Age = new("AGE", new LocalizedText("Age", "Edad", "Idade", "Âge"), ["Age group", "Grupo de edad"]);
    private static readonly ColumnAliases Indicator = new(ReturnColumn.Indicator, new LocalizedText("Indicator", "Indicador", "Indicador", "Indicateur"), []);
    private static readonly ColumnAliases Citizenship = new("CITIZENSHIP", new LocalizedText("Citizenship", "Ciudadanía", "Cidadania", "Citoyenneté"), ["Nationality"]);

    public static TheoryData<ColumnAliases, string, Language?> Cases => new()
    {
        { Age, "Edad", Language.Es },
        { Age, " IDADE ", Language.Pt },
        { Age, "Âge", Language.Fr },
        { Age, "age", Language.En },
        { Citizenship, "Ciudadania", Language.Es },
        { Citizenship, "citoyennete", Language.Fr },
        { Indicator, "Indicador", null },
        { Indicator, "Indicateur", Language.Fr },
        { Age, "AGE", null },
        { Indicator, "INDICATOR", null },
        { Indicator, "indicator", null },
        { Age, "Grupo de edad", null },
        { Citizenship, "Nationality", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Is_the_one_language_whose_label_the_header_is(ColumnAliases column, string header, Language? expected) =>
        Assert.Equal(expected, HeaderLanguage.Of(column, header));
}

using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Tests.ReferenceData;

public class IndicatorCatalogTests
{
    // The catalog table of domain.md: code, unit, dimensions, protected.
    public static TheoryData<string, string, string, bool> DomainTable => new()
    {
        { "CT_VICT_DET", "NUMBER", "SEX AGE EXPLOITATION CITIZENSHIP", true },
        { "CT_VICT_CSE", "NUMBER", "SEX AGE", true },
        { "CT_VICT_ASSIST", "NUMBER", "SEX AGE", true },
        { "CT_VICT_RETURN", "NUMBER", "SEX AGE", true },
        { "CT_SMUG_MINORS", "NUMBER", "SEX AGE ACCOMPANIMENT", true },
        { "CT_OFF_REC", "NUMBER", "OFFENCE", false },
        { "CT_PERS_PROS", "NUMBER", "SEX", false },
        { "CT_PERS_CONV", "NUMBER", "SEX", false },
        { "POP_U18", "NUMBER", "SEX", false },
        { "LEG_CRC", "TREATY_STATUS", "", false },
        { "LEG_OPSC", "TREATY_STATUS", "", false },
        { "LEG_PALERMO", "TREATY_STATUS", "", false },
        { "LEG_HAGUE1980", "TREATY_STATUS", "", false },
        { "LEG_IA_TRAFFIC1994", "TREATY_STATUS", "", false },
        { "LEG_IA_RETURN1989", "TREATY_STATUS", "", false },
        { "LEG_TRAVEL_AUTH", "YES_NO", "", false },
        { "POL_NAT_PLAN", "YES_NO", "", false },
        { "POL_HOTLINE", "YES_NO", "", false },
    };

    public static TheoryData<string> EveryIndicator => new(Shipped.Catalog.Indicators.Select(i => i.Code));

    [Fact]
    public void Catalog_is_version_1_with_the_indicators_of_the_domain_then_the_derived_rate()
    {
        Assert.Equal("1", Shipped.Catalog.Version);
        Assert.Equal(
            DomainTable.Select(row => (string)row[0]).Append("CT_VICT_DET_RATE"),
            Shipped.Catalog.Indicators.Select(i => i.Code));
    }

    [Theory]
    [MemberData(nameof(DomainTable))]
    public void Submitted_indicators_match_the_domain_table(string code, string unit, string dimensions, bool isProtected)
    {
        var indicator = Shipped.Catalog.FindIndicator(code);

        Assert.NotNull(indicator);
        Assert.Equal(unit, indicator.Unit);
        Assert.Equal(dimensions.Split(' ', StringSplitOptions.RemoveEmptyEntries), indicator.Dimensions);
        Assert.Equal(isProtected, indicator.Protected);
        Assert.False(indicator.Derived);
    }

    [Fact]
    public void The_detection_rate_is_derived_protected_and_undivided()
    {
        var rate = Shipped.Catalog.FindIndicator("CT_VICT_DET_RATE");

        Assert.NotNull(rate);
        Assert.True(rate.Derived);
        Assert.True(rate.Protected);
        Assert.Equal(IndicatorUnits.Per100000PopU18, rate.Unit);
        Assert.Empty(rate.Dimensions);
        Assert.False(rate.IsNumeric);
        Assert.Null(rate.ValueList);
    }

    [Theory]
    [InlineData("LEG_PALERMO", "TREATY_STATUS")]
    [InlineData("POL_HOTLINE", "YES_NO")]
    public void Coded_indicators_name_a_value_list_of_the_catalog(string code, string listId)
    {
        var indicator = Shipped.Catalog.FindIndicator(code)!;

        Assert.Equal(listId, indicator.ValueList);
        Assert.False(Shipped.Catalog.GetCodeList(listId).IsDimension);
    }

    [Fact]
    public void FindIndicator_wants_the_exact_code()
    {
        Assert.Null(Shipped.Catalog.FindIndicator("ct_vict_det"));
        Assert.Null(Shipped.Catalog.FindIndicator("Child victims of trafficking detected"));
    }

    [Fact]
    public void GetCodeList_throws_for_an_unknown_id() =>
        Assert.Throws<KeyNotFoundException>(() => Shipped.Catalog.GetCodeList("COLOUR"));

    [Theory]
    [MemberData(nameof(EveryIndicator))]
    public void Every_indicator_resolves_from_its_code_and_its_label_in_each_language(string code)
    {
        var indicator = Shipped.Catalog.FindIndicator(code)!;
        var texts = new List<string> { code, code.ToLowerInvariant() };
        foreach (var language in LanguageCodes.All)
        {
            texts.Add(indicator.Labels[language]);
            texts.Add(Shipped.WithoutAccents(indicator.Labels[language]).ToUpperInvariant());
        }
        texts.AddRange(indicator.Aliases);

        foreach (var text in texts)
        {
            Assert.True(Shipped.Catalog.TryResolveIndicator(text, out var resolved), text);
            Assert.Equal(code, resolved.Code);
        }
    }

    [Theory]
    [InlineData("Palermo Protocol", "LEG_PALERMO")]
    [InlineData("Protocole de Palerme", "LEG_PALERMO")]
    [InlineData("CRC", "LEG_CRC")]
    [InlineData("Convención sobre los Derechos del Niño", "LEG_CRC")]
    [InlineData("Hague Convention on child abduction", "LEG_HAGUE1980")]
    [InlineData("Personas condenadas", "CT_PERS_CONV")]
    [InlineData("Pessoas processadas", "CT_PERS_PROS")]
    [InlineData("Hotline", "POL_HOTLINE")]
    [InlineData("Plan nacional", "POL_NAT_PLAN")]
    [InlineData("Población menor de 18 años", "POP_U18")]
    [InlineData("Victimes prises en charge", "CT_VICT_ASSIST")]
    [InlineData("  ct-vict-det ", "CT_VICT_DET")]
    public void Resolves_the_short_forms_people_use(string text, string expected)
    {
        Assert.True(Shipped.Catalog.TryResolveIndicator(text, out var indicator));
        Assert.Equal(expected, indicator.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("CT_VICT")]
    [InlineData("Victims")]
    [InlineData("Convention")]
    public void Does_not_resolve_text_that_names_no_indicator(string? text)
    {
        Assert.False(Shipped.Catalog.TryResolveIndicator(text, out var indicator));
        Assert.Null(indicator);
    }

    [Fact]
    public void Every_label_and_description_is_given_in_the_four_languages()
    {
        foreach (var indicator in Shipped.Catalog.Indicators)
        {
            Assert.All(indicator.Labels.All, text => Assert.False(string.IsNullOrWhiteSpace(text)));
            Assert.All(indicator.Descriptions.All, text => Assert.False(string.IsNullOrWhiteSpace(text)));
        }
    }
}

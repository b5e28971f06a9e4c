using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Tests.ReferenceData;

public class MemberStateRegistryTests
{
    // The table of domain.md: ISO3, ISO2, M49, working language.
    public static TheoryData<string, string, string, string> DomainTable => new()
    {
        { "ATG", "AG", "028", "en" }, { "ARG", "AR", "032", "es" }, { "BHS", "BS", "044", "en" },
        { "BRB", "BB", "052", "en" }, { "BLZ", "BZ", "084", "en" }, { "BOL", "BO", "068", "es" },
        { "BRA", "BR", "076", "pt" }, { "CAN", "CA", "124", "en" }, { "CHL", "CL", "152", "es" },
        { "COL", "CO", "170", "es" }, { "CRI", "CR", "188", "es" }, { "CUB", "CU", "192", "es" },
        { "DMA", "DM", "212", "en" }, { "DOM", "DO", "214", "es" }, { "ECU", "EC", "218", "es" },
        { "SLV", "SV", "222", "es" }, { "GRD", "GD", "308", "en" }, { "GTM", "GT", "320", "es" },
        { "GUY", "GY", "328", "en" }, { "HTI", "HT", "332", "fr" }, { "HND", "HN", "340", "es" },
        { "JAM", "JM", "388", "en" }, { "MEX", "MX", "484", "es" }, { "NIC", "NI", "558", "es" },
        { "PAN", "PA", "591", "es" }, { "PRY", "PY", "600", "es" }, { "PER", "PE", "604", "es" },
        { "KNA", "KN", "659", "en" }, { "LCA", "LC", "662", "en" }, { "VCT", "VC", "670", "en" },
        { "SUR", "SR", "740", "en" }, { "TTO", "TT", "780", "en" }, { "USA", "US", "840", "en" },
        { "URY", "UY", "858", "es" }, { "VEN", "VE", "862", "es" },
    };

    public static TheoryData<string> Iso3Codes => new(DomainTable.Select(row => (string)row[0]));

    [Fact]
    public void Registry_holds_exactly_the_35_states_of_the_domain()
    {
        var expected = DomainTable.Select(row => (string)row[0]).Order(StringComparer.Ordinal);
        Assert.Equal(expected, Shipped.States.All.Select(s => s.Iso3).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(DomainTable))]
    public void Codes_and_language_match_the_domain_table(string iso3, string iso2, string m49, string language)
    {
        var state = Shipped.States.FindByIso3(iso3);

        Assert.NotNull(state);
        Assert.Equal(iso2, state.Iso2);
        Assert.Equal(m49, state.M49);
        Assert.Equal(language, state.Language.ToCode());
    }

    [Fact]
    public void All_is_in_the_order_of_the_English_names()
    {
        var names = Shipped.States.All.Select(s => s.Names.En).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void Canada_also_works_in_French_and_no_other_state_has_a_second_language()
    {
        Assert.Equal([Language.Fr], Shipped.States.FindByIso3("CAN")!.OtherLanguages);
        Assert.All(Shipped.States.All.Where(s => s.Iso3 != "CAN"), s => Assert.Empty(s.OtherLanguages));
    }

    [Theory]
    [MemberData(nameof(DomainTable))]
    public void Every_state_resolves_from_its_codes_in_any_case(string iso3, string iso2, string m49, string language)
    {
        _ = language;
        foreach (var text in new[] { iso3, iso3.ToLowerInvariant(), iso2, iso2.ToLowerInvariant(), m49, $" {iso3} " })
        {
            Assert.True(Shipped.States.TryResolve(text, out var state), text);
            Assert.Equal(iso3, state.Iso3);
        }
    }

    [Theory]
    [MemberData(nameof(DomainTable))]
    public void Every_state_resolves_from_its_M49_code_without_leading_zeros(string iso3, string iso2, string m49, string language)
    {
        _ = (iso2, language);
        var withoutZeros = int.Parse(m49, System.Globalization.CultureInfo.InvariantCulture).ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(Shipped.States.TryResolve(withoutZeros, out var state));
        Assert.Equal(iso3, state.Iso3);
    }

    [Theory]
    [MemberData(nameof(Iso3Codes))]
    public void Every_state_resolves_from_its_name_in_each_language_with_and_without_accents(string iso3)
    {
        var state = Shipped.States.FindByIso3(iso3)!;
        foreach (var language in LanguageCodes.All)
        {
            var name = state.Names[language];
            foreach (var written in new[] { name, Shipped.WithoutAccents(name), name.ToUpperInvariant(), Shipped.WithoutAccents(name).ToLowerInvariant() })
            {
                Assert.True(Shipped.States.TryResolve(written, out var found), $"{language}: {written}");
                Assert.Equal(iso3, found.Iso3);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Iso3Codes))]
    public void Every_alias_resolves_to_its_state(string iso3)
    {
        var state = Shipped.States.FindByIso3(iso3)!;
        foreach (var alias in state.Aliases)
        {
            Assert.True(Shipped.States.TryResolve(alias, out var found), alias);
            Assert.Equal(iso3, found.Iso3);
        }
    }

    [Theory]
    [InlineData("MEX", "MEX")]
    [InlineData("MX", "MEX")]
    [InlineData("484", "MEX")]
    [InlineData("México", "MEX")]
    [InlineData("Mexique", "MEX")]
    [InlineData("Brasil", "BRA")]
    [InlineData("Brésil", "BRA")]
    [InlineData("Haïti", "HTI")]
    [InlineData("Haití", "HTI")]
    [InlineData("Estados Unidos", "USA")]
    [InlineData("Estados Unidos de América", "USA")]
    [InlineData("États-Unis", "USA")]
    [InlineData("U.S.A.", "USA")]
    [InlineData("EE.UU.", "USA")]
    [InlineData("Saint-Kitts-et-Nevis", "KNA")]
    [InlineData("San Cristóbal y Nieves", "KNA")]
    [InlineData("São Cristóvão e Névis", "KNA")]
    [InlineData("St. Kitts and Nevis", "KNA")]
    [InlineData("Trinidad & Tobago", "TTO")]
    [InlineData("St. Lucia", "LCA")]
    [InlineData("Bolivia (Plurinational State of)", "BOL")]
    [InlineData("Estado Plurinacional de Bolivia", "BOL")]
    [InlineData("Venezuela (Bolivarian Republic of)", "VEN")]
    [InlineData("Guiana", "GUY")]
    [InlineData("28", "ATG")]
    [InlineData("0028", "ATG")]
    public void Resolves_what_focal_points_write(string text, string iso3)
    {
        Assert.True(Shipped.States.TryResolve(text, out var state));
        Assert.Equal(iso3, state.Iso3);
    }

    [Theory]
    [InlineData("Dominica", "DMA")]
    [InlineData("Dominique", "DMA")]
    [InlineData("Dominican Republic", "DOM")]
    [InlineData("République dominicaine", "DOM")]
    [InlineData("Estados Unidos Mexicanos", "MEX")]
    public void Similar_names_resolve_to_different_states(string text, string iso3)
    {
        Assert.True(Shipped.States.TryResolve(text, out var state));
        Assert.Equal(iso3, state.Iso3);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("France")]
    [InlineData("Guyane")]
    [InlineData("XYZ")]
    [InlineData("999")]
    [InlineData("12345")]
    [InlineData("America")]
    public void Does_not_resolve_what_names_no_member_state(string? text)
    {
        Assert.False(Shipped.States.TryResolve(text, out var state));
        Assert.Null(state);
    }

    [Theory]
    [InlineData("mex")]
    [InlineData(" MEX ")]
    public void FindByIso3_ignores_case_and_surrounding_spaces(string text) =>
        Assert.Equal("MEX", Shipped.States.FindByIso3(text)?.Iso3);

    [Theory]
    [InlineData("MX")]
    [InlineData("México")]
    [InlineData("484")]
    [InlineData(null)]
    public void FindByIso3_accepts_only_an_ISO3_code(string? text) =>
        Assert.Null(Shipped.States.FindByIso3(text));
}

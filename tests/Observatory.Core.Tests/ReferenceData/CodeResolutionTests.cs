using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Tests.ReferenceData;

public class CodeResolutionTests
{
    public static TheoryData<string, string> EveryCode
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var list in Shipped.Catalog.CodeLists)
                foreach (var item in list.Items)
                    data.Add(list.Id, item.Code);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void Every_code_resolves_from_itself_in_any_case(string listId, string code)
    {
        foreach (var written in new[] { code, code.ToLowerInvariant(), $" {code} " })
        {
            Assert.True(Shipped.Catalog.TryResolveCode(listId, written, out var resolved), written);
            Assert.Equal(code, resolved);
        }
    }

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void Every_code_resolves_from_its_label_in_each_language_with_and_without_accents(string listId, string code)
    {
        var item = Shipped.Catalog.GetCodeList(listId).Items.Single(i => i.Code == code);
        foreach (var language in LanguageCodes.All)
        {
            var label = item.Labels[language];
            foreach (var written in new[] { label, label.ToUpperInvariant(), Shipped.WithoutAccents(label), label + "." })
            {
                Assert.True(Shipped.Catalog.TryResolveCode(listId, written, out var resolved), $"{language}: {written}");
                Assert.Equal(code, resolved);
            }
        }
    }

    [Theory]
    [MemberData(nameof(EveryCode))]
    public void Every_alias_resolves_to_its_code(string listId, string code)
    {
        var item = Shipped.Catalog.GetCodeList(listId).Items.Single(i => i.Code == code);
        foreach (var alias in item.Aliases)
        {
            Assert.True(Shipped.Catalog.TryResolveCode(listId, Shipped.WithoutAccents(alias), out var resolved), alias);
            Assert.Equal(code, resolved);
        }
    }

    [Theory]
    // domain.md: "Femenino", "Feminino", "Féminin", "female", "F" are all F.
    [InlineData("SEX", "Femenino", "F")]
    [InlineData("SEX", "Feminino", "F")]
    [InlineData("SEX", "Féminin", "F")]
    [InlineData("SEX", "female", "F")]
    [InlineData("SEX", "F", "F")]
    [InlineData("SEX", "f", "F")]
    [InlineData("SEX", "Niñas", "F")]
    [InlineData("SEX", "meninas", "F")]
    [InlineData("SEX", "Filles", "F")]
    [InlineData("SEX", "Mujeres", "F")]
    [InlineData("SEX", "M", "M")]
    [InlineData("SEX", "Masculino", "M")]
    [InlineData("SEX", "Garçons", "M")]
    [InlineData("SEX", "Hombre", "M")]
    [InlineData("SEX", "H", "M")]
    [InlineData("SEX", "No especificado", "_U")]
    [InlineData("SEX", "Sin dato", "_U")]
    [InlineData("SEX", "Desconhecido", "_U")]
    [InlineData("SEX", "Ignorado", "_U")]
    [InlineData("SEX", "Non précisé", "_U")]
    [InlineData("SEX", "Ambos sexos", "_T")]
    [InlineData("SEX", "Tous", "_T")]
    // domain.md: "12 a 17 años", "12-17", "12 à 17 ans" are Y12T17.
    [InlineData("AGE", "12 a 17 años", "Y12T17")]
    [InlineData("AGE", "12-17", "Y12T17")]
    [InlineData("AGE", "12 – 17", "Y12T17")]
    [InlineData("AGE", "12 à 17 ans", "Y12T17")]
    [InlineData("AGE", "12 a 17 anos", "Y12T17")]
    [InlineData("AGE", "0-11", "Y0T11")]
    [InlineData("AGE", "0 a 11 años", "Y0T11")]
    [InlineData("AGE", "Menores de 12", "Y0T11")]
    [InlineData("AGE", "0 à 11 ans", "Y0T11")]
    [InlineData("AGE", "Under 12", "Y0T11")]
    [InlineData("AGE", "0-17", "_T")]
    [InlineData("AGE", "Menores de 18 años", "_T")]
    // Spelling variants and short forms.
    [InlineData("EXPLOITATION", "labour", "FORCED_LABOUR")]
    [InlineData("EXPLOITATION", "labor", "FORCED_LABOUR")]
    [InlineData("EXPLOITATION", "Forced labour", "FORCED_LABOUR")]
    [InlineData("EXPLOITATION", "Forced labor", "FORCED_LABOUR")]
    [InlineData("EXPLOITATION", "FORCED_LABOUR", "FORCED_LABOUR")]
    [InlineData("EXPLOITATION", "Trabajo forzoso", "FORCED_LABOUR")]
    [InlineData("EXPLOITATION", "Trabalho forçado", "FORCED_LABOUR")]
    [InlineData("EXPLOITATION", "Travail forcé", "FORCED_LABOUR")]
    [InlineData("EXPLOITATION", "Sexual exploitation", "SEXUAL")]
    [InlineData("EXPLOITATION", "Explotación sexual", "SEXUAL")]
    [InlineData("EXPLOITATION", "Mendicidad", "BEGGING")]
    [InlineData("EXPLOITATION", "Matrimonio forzado", "FORCED_MARRIAGE")]
    [InlineData("EXPLOITATION", "Adopción ilegal", "ILLEGAL_ADOPTION")]
    [InlineData("EXPLOITATION", "Extracción de órganos", "ORGAN_REMOVAL")]
    [InlineData("EXPLOITATION", "Otros", "OTHER")]
    [InlineData("CITIZENSHIP", "Extranjero", "FOREIGN")]
    [InlineData("CITIZENSHIP", "Nationaux", "NATIONAL")]
    [InlineData("ACCOMPANIMENT", "No acompañado", "UNACCOMPANIED")]
    [InlineData("ACCOMPANIMENT", "Acompañado", "ACCOMPANIED")]
    [InlineData("ACCOMPANIMENT", "Mineurs non accompagnés", "UNACCOMPANIED")]
    [InlineData("OFFENCE", "Trafficking", "TRAFFICKING")]
    [InlineData("OFFENCE", "Trata", "TRAFFICKING")]
    [InlineData("OFFENCE", "Tráfico de pessoas", "TRAFFICKING")]
    [InlineData("OFFENCE", "Traite", "TRAFFICKING")]
    [InlineData("OFFENCE", "ESCNNA", "CSEC")]
    [InlineData("OFFENCE", "ESCCA", "CSEC")]
    [InlineData("OFFENCE", "Explotación sexual comercial", "CSEC")]
    [InlineData("OFFENCE", "Smuggling", "SMUGGLING")]
    [InlineData("OFFENCE", "Tráfico ilícito de migrantes", "SMUGGLING")]
    [InlineData("OFFENCE", "Contrebande de migrants", "SMUGGLING")]
    // domain.md: "Ratificado", "Ratifié", "Sí", "Sim", "Oui".
    [InlineData("TREATY_STATUS", "Ratificado", "RATIFIED")]
    [InlineData("TREATY_STATUS", "Ratifié", "RATIFIED")]
    [InlineData("TREATY_STATUS", "Acceded", "RATIFIED")]
    [InlineData("TREATY_STATUS", "Adhesión", "RATIFIED")]
    [InlineData("TREATY_STATUS", "Adhésion", "RATIFIED")]
    [InlineData("TREATY_STATUS", "Firmado", "SIGNED")]
    [InlineData("TREATY_STATUS", "Not signed", "NONE")]
    [InlineData("TREATY_STATUS", "Ninguno", "NONE")]
    [InlineData("TREATY_STATUS", "Nenhum", "NONE")]
    [InlineData("TREATY_STATUS", "Aucun", "NONE")]
    [InlineData("YES_NO", "Sí", "YES")]
    [InlineData("YES_NO", "Si", "YES")]
    [InlineData("YES_NO", "Sim", "YES")]
    [InlineData("YES_NO", "Oui", "YES")]
    [InlineData("YES_NO", "yes", "YES")]
    [InlineData("YES_NO", "Não", "NO")]
    [InlineData("YES_NO", "nao", "NO")]
    [InlineData("YES_NO", "Non", "NO")]
    [InlineData("YES_NO", "Parcial", "PARTIAL")]
    [InlineData("YES_NO", "Partielle", "PARTIAL")]
    public void Resolves_what_people_write(string listId, string text, string expected)
    {
        Assert.True(Shipped.Catalog.TryResolveCode(listId, text, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    // Folding turns "_T" into "t": T and U (the Eurostat codes) deliberately read as total and unknown...
    [InlineData("SEX", "_T", "_T")]
    [InlineData("SEX", "T", "_T")]
    [InlineData("SEX", "t", "_T")]
    [InlineData("SEX", "-T", "_T")]
    [InlineData("SEX", "_U", "_U")]
    [InlineData("SEX", "U", "_U")]
    [InlineData("AGE", "T", "_T")]
    [InlineData("AGE", "u", "_U")]
    [InlineData("OFFENCE", "t", "_T")]
    public void Total_and_unknown_codes_resolve_with_or_without_their_underscore(string listId, string text, string expected)
    {
        Assert.True(Shipped.Catalog.TryResolveCode(listId, text, out var code));
        Assert.Equal(expected, code);
    }

    [Theory]
    // ...but only in lists that have those codes, and nothing else folds onto them by accident.
    [InlineData("OFFENCE", "U")]
    [InlineData("OFFENCE", "_U")]
    [InlineData("TREATY_STATUS", "T")]
    [InlineData("YES_NO", "t")]
    [InlineData("YES_NO", "U")]
    [InlineData("SEX", "_Z")]
    [InlineData("SEX", "Z")]
    // Markers of "no figure" must never read as a code, least of all as NO.
    [InlineData("YES_NO", "N/A")]
    [InlineData("YES_NO", "NA")]
    [InlineData("YES_NO", "n/d")]
    [InlineData("YES_NO", "s/d")]
    [InlineData("YES_NO", "..")]
    [InlineData("YES_NO", "-")]
    [InlineData("YES_NO", "—")]
    [InlineData("SEX", "N/A")]
    [InlineData("SEX", "")]
    [InlineData("SEX", "   ")]
    [InlineData("SEX", null)]
    [InlineData("SEX", "M/F")]
    [InlineData("SEX", "Y12T17")]
    [InlineData("AGE", "12")]
    [InlineData("AGE", "<12")]
    [InlineData("AGE", "F")]
    [InlineData("TREATY_STATUS", "No")]
    [InlineData("TREATY_STATUS", "Yes")]
    // Spanish "tráfico de personas" means trafficking in some countries and smuggling in others.
    [InlineData("OFFENCE", "Tráfico de personas")]
    public void Does_not_resolve_text_that_names_no_code_of_the_list(string listId, string? text)
    {
        Assert.False(Shipped.Catalog.TryResolveCode(listId, text, out var code));
        Assert.Null(code);
    }

    [Fact]
    public void An_unknown_list_is_a_programming_error_not_a_miss() =>
        Assert.Throws<KeyNotFoundException>(() => Shipped.Catalog.TryResolveCode("COLOUR", "F", out _));

    [Fact]
    public void The_lists_are_the_dimensions_and_value_lists_of_the_domain()
    {
        var expected = new Dictionary<string, string[]>
        {
            ["SEX"] = ["F", "M", "_U", "_T"],
            ["AGE"] = ["Y0T11", "Y12T17", "_U", "_T"],
            ["EXPLOITATION"] = ["SEXUAL", "FORCED_LABOUR", "FORCED_CRIMINALITY", "BEGGING", "FORCED_MARRIAGE", "ILLEGAL_ADOPTION", "ORGAN_REMOVAL", "MIXED", "OTHER", "_U", "_T"],
            ["CITIZENSHIP"] = ["NATIONAL", "FOREIGN", "_U", "_T"],
            ["ACCOMPANIMENT"] = ["UNACCOMPANIED", "SEPARATED", "ACCOMPANIED", "_U", "_T"],
            ["OFFENCE"] = ["TRAFFICKING", "CSEC", "SMUGGLING", "_T"],
            ["TREATY_STATUS"] = ["RATIFIED", "SIGNED", "NONE"],
            ["YES_NO"] = ["YES", "NO", "PARTIAL"],
        };

        Assert.Equal(expected.Keys, Shipped.Catalog.CodeLists.Select(l => l.Id));
        foreach (var list in Shipped.Catalog.CodeLists)
        {
            Assert.Equal(expected[list.Id], list.Items.Select(i => i.Code));
            Assert.Equal(list.Id is not ("TREATY_STATUS" or "YES_NO"), list.IsDimension);
        }
    }
}

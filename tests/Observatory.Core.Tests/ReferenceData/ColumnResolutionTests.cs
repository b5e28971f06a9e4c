using Observatory.Core.Languages;
using Observatory.Core.ReferenceData;

namespace Observatory.Core.Tests.ReferenceData;

public class ColumnResolutionTests
{
    public static TheoryData<string> EveryColumn => new(Shipped.Catalog.Columns.Select(c => c.Column));

    [Fact]
    public void There_is_a_column_for_each_return_column_and_each_dimension()
    {
        var expected = ReturnColumn.All
            .Concat(Shipped.Catalog.CodeLists.Where(l => l.IsDimension).Select(l => l.Id))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, Shipped.Catalog.Columns.Select(c => c.Column).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(EveryColumn))]
    public void Every_column_resolves_from_its_label_in_each_language_and_from_every_alias(string column)
    {
        var entry = Shipped.Catalog.FindColumn(column)!;
        var headers = LanguageCodes.All.Select(l => entry.Labels[l])
            .Concat(LanguageCodes.All.Select(l => Shipped.WithoutAccents(entry.Labels[l]).ToUpperInvariant()))
            .Concat(entry.Aliases)
            .Append(column);

        foreach (var header in headers)
        {
            Assert.True(Shipped.Catalog.TryResolveColumn(header, out var resolved), header);
            Assert.Equal(column, resolved);
        }
    }

    [Theory]
    [InlineData("Indicator", "indicator")]
    [InlineData("Indicator code", "indicator")]
    [InlineData("Indicador", "indicator")]
    [InlineData("Código del indicador", "indicator")]
    [InlineData("Indicateur", "indicator")]
    [InlineData("Value", "value")]
    [InlineData("Valor", "value")]
    [InlineData("Valeur", "value")]
    [InlineData("Cantidad", "value")]
    [InlineData("Quantidade", "value")]
    [InlineData("Note", "note")]
    [InlineData("Notes", "note")]
    [InlineData("Observaciones", "note")]
    [InlineData("Observações", "note")]
    [InlineData("Comentarios", "note")]
    [InlineData("Remarque", "note")]
    [InlineData("Country", "country")]
    [InlineData("País", "country")]
    [InlineData("Pays", "country")]
    [InlineData("Estado miembro", "country")]
    [InlineData("État membre", "country")]
    [InlineData("Member state", "country")]
    [InlineData("Year", "year")]
    [InlineData("Año", "year")]
    [InlineData("Ano", "year")]
    [InlineData("Année", "year")]
    [InlineData("Reporting year", "year")]
    [InlineData("Año de referencia", "year")]
    [InlineData("Flag", "flag")]
    [InlineData("Unit", "unit")]
    [InlineData("Unidad", "unit")]
    [InlineData("Unidade", "unit")]
    [InlineData("Unité", "unit")]
    [InlineData("Sex", "SEX")]
    [InlineData("Sexo", "SEX")]
    [InlineData("Sexe", "SEX")]
    [InlineData("Gender", "SEX")]
    [InlineData("Género", "SEX")]
    [InlineData("Gênero", "SEX")]
    [InlineData("Genre", "SEX")]
    [InlineData("Age", "AGE")]
    [InlineData("Age group", "AGE")]
    [InlineData("Edad", "AGE")]
    [InlineData("Grupo de edad", "AGE")]
    [InlineData("Idade", "AGE")]
    [InlineData("Faixa etária", "AGE")]
    [InlineData("Âge", "AGE")]
    [InlineData("Tranche d'âge", "AGE")]
    [InlineData("Form of exploitation", "EXPLOITATION")]
    [InlineData("Exploitation", "EXPLOITATION")]
    [InlineData("Forma de explotación", "EXPLOITATION")]
    [InlineData("Tipo de explotación", "EXPLOITATION")]
    [InlineData("Forma de exploração", "EXPLOITATION")]
    [InlineData("Forme d'exploitation", "EXPLOITATION")]
    [InlineData("Purpose of exploitation", "EXPLOITATION")]
    // domain.md: the CITIZENSHIP column may be headed any of these.
    [InlineData("Citizenship", "CITIZENSHIP")]
    [InlineData("Nationality", "CITIZENSHIP")]
    [InlineData("Ciudadanía", "CITIZENSHIP")]
    [InlineData("Nacionalidad", "CITIZENSHIP")]
    [InlineData("Nacionalidade", "CITIZENSHIP")]
    [InlineData("Nationalité", "CITIZENSHIP")]
    [InlineData("Citoyenneté", "CITIZENSHIP")]
    [InlineData("Accompaniment", "ACCOMPANIMENT")]
    [InlineData("Acompañamiento", "ACCOMPANIMENT")]
    [InlineData("Acompanhamento", "ACCOMPANIMENT")]
    [InlineData("Accompagnement", "ACCOMPANIMENT")]
    [InlineData("Offence", "OFFENCE")]
    [InlineData("Offense", "OFFENCE")]
    [InlineData("Delito", "OFFENCE")]
    [InlineData("Tipo de delito", "OFFENCE")]
    [InlineData("Crime", "OFFENCE")]
    [InlineData("Infraction", "OFFENCE")]
    [InlineData("  forma de EXPLOTACION: ", "EXPLOITATION")]
    [InlineData("OBS_VALUE", "value")]
    [InlineData("REF_AREA", "country")]
    [InlineData("TIME_PERIOD", "year")]
    public void Resolves_the_usual_header_synonyms(string header, string expected)
    {
        Assert.True(Shipped.Catalog.TryResolveColumn(header, out var column));
        Assert.Equal(expected, column);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Nombre")]
    [InlineData("Estado")]
    [InlineData("Code")]
    [InlineData("Total")]
    [InlineData("Comments and notes")]
    public void Does_not_resolve_a_header_that_is_ambiguous_or_unknown(string? header)
    {
        Assert.False(Shipped.Catalog.TryResolveColumn(header, out var column, out var language));
        Assert.Null(column);
        Assert.Null(language);
    }

    [Theory]
    [InlineData("Value", Language.En)]
    [InlineData("Age", Language.En)]
    [InlineData("age", Language.En)]
    [InlineData("Edad", Language.Es)]
    [InlineData("Año", Language.Es)]
    [InlineData("Cantidad", Language.Es)]
    [InlineData("Ano", Language.Pt)]
    [InlineData("Idade", Language.Pt)]
    [InlineData("Quantidade", Language.Pt)]
    [InlineData("Âge", Language.Fr)]
    [InlineData("Valeur", Language.Fr)]
    [InlineData("Nationalité", Language.Fr)]
    [InlineData("Nationalite", Language.Fr)]
    [InlineData("Tranche d'age", Language.Fr)]
    public void Tells_the_language_a_header_is_written_in(string header, Language expected)
    {
        Assert.True(Shipped.Catalog.TryResolveColumn(header, out _, out var language));
        Assert.Equal(expected, language);
    }

    [Theory]
    // The column id as the catalog spells it, and SDMX codes, belong to no language.
    [InlineData("SEX")]
    [InlineData("AGE")]
    [InlineData("EXPLOITATION")]
    [InlineData("indicator")]
    [InlineData("value")]
    [InlineData("OBS_VALUE")]
    public void A_code_as_header_has_no_language(string header)
    {
        Assert.True(Shipped.Catalog.TryMatchColumn(header, out var match));
        Assert.Empty(match.Languages);
        Assert.Null(match.Language);
    }

    [Theory]
    [InlineData("Sexo", "SEX", new[] { Language.Es, Language.Pt })]
    [InlineData("Valor", "value", new[] { Language.Es, Language.Pt })]
    [InlineData("Note", "note", new[] { Language.En, Language.Fr })]
    [InlineData("Exploitation", "EXPLOITATION", new[] { Language.En, Language.Fr })]
    public void A_header_shared_by_languages_lists_them_all_but_settles_none(string header, string column, Language[] languages)
    {
        Assert.True(Shipped.Catalog.TryMatchColumn(header, out var match));
        Assert.Equal(column, match.Column);
        Assert.Equal(languages, match.Languages);
        Assert.True(Shipped.Catalog.TryResolveColumn(header, out _, out var language));
        Assert.Null(language);
    }

    [Fact]
    public void Aliases_of_the_shipped_columns_keep_their_language()
    {
        var note = Shipped.Catalog.FindColumn(ReturnColumn.Note)!;

        Assert.Contains("Observaciones", note.ByLanguage.Es);
        Assert.Contains("Observações", note.ByLanguage.Pt);
        Assert.Contains("Observaciones", note.Aliases);
    }
}

using Observatory.Core.Domain;
using Observatory.Core.Languages;
using static Observatory.Core.Tests.Validation.ValidatorHarness;

namespace Observatory.Core.Tests.Validation;

public class NormalizationTests
{
    [Theory]
    [InlineData("Femenino", "12 a 17 años", "Explotación sexual", "Extranjero")]
    [InlineData("Feminino", "12 a 17 anos", "Exploração sexual", "Estrangeiro")]
    [InlineData("Féminin", "12 à 17 ans", "Exploitation sexuelle", "Étranger")]
    [InlineData("female", "12-17", "sexual exploitation", "FOREIGN")]
    [InlineData("F", "Y12T17", "SEXUAL", "foreign")]
    [InlineData("FEMENINO", "12 A 17 AÑOS", "explotacion sexual", "extranjero")]
    public void Labels_in_any_language_are_stored_as_codes(string sex, string age, string exploitation, string citizenship)
    {
        var sheet = new Sheet("indicator", "SEX", "AGE", "EXPLOITATION", "CITIZENSHIP", "value")
            .Row("CT_VICT_DET", sex, age, exploitation, citizenship, 7);

        var outcome = Validate(sheet);

        Assert.Empty(outcome.Errors);
        var observation = Assert.Single(outcome.Observations);
        Assert.Equal(
            [new("SEX", "F"), new("AGE", "Y12T17"), new("EXPLOITATION", "SEXUAL"), new("CITIZENSHIP", "FOREIGN")],
            observation.Dimensions);
    }

    [Fact]
    public void An_observation_carries_the_state_year_indicator_every_dimension_in_catalog_order_value_note_and_flag()
    {
        // Columns in an order of their own, one dimension blank and one absent: both are totals.
        var sheet = new Sheet("value", "CITIZENSHIP", "indicator", "SEX", "note", "flag")
            .Row("1.234", "Nacional", "Enfants victimes de la traite détectés", "", "  Fuente: fiscalía  ", "estimado");

        var outcome = Validate(sheet, state: "MEX");

        Assert.Empty(outcome.Errors);
        Assert.Empty(outcome.Warnings);
        Assert.Equal(1, outcome.Rows);
        var observation = Assert.Single(outcome.Observations);
        Assert.Equal(
            new Observation("MEX", 2025, "CT_VICT_DET",
                observation.Dimensions, ObservationValue.Of(1234), "Fuente: fiscalía", "estimated"),
            observation);
        Assert.Equal(
            [new("SEX", "_T"), new("AGE", "_T"), new("EXPLOITATION", "_T"), new("CITIZENSHIP", "NATIONAL")],
            observation.Dimensions);
        Assert.Equal("CT_VICT_DET|SEX=_T|AGE=_T|EXPLOITATION=_T|CITIZENSHIP=NATIONAL", observation.Key);
    }

    [Fact]
    public void An_indicator_without_dimensions_has_none_and_a_blank_note_is_null()
    {
        var sheet = new Sheet("indicator", "SEX", "value", "note").Row("POL_NAT_PLAN", "", "Sí", " ");

        var observation = Assert.Single(Validate(sheet).Observations);

        Assert.Empty(observation.Dimensions);
        Assert.Null(observation.Note);
        Assert.Null(observation.Flag);
    }

    [Theory]
    [InlineData("LEG_PALERMO", "Ratificado", "RATIFIED")]
    [InlineData("LEG_PALERMO", "Ratifié", "RATIFIED")]
    [InlineData("LEG_PALERMO", "ratified or acceded", "RATIFIED")]
    [InlineData("LEG_PALERMO", "Assinado", "SIGNED")]
    [InlineData("POL_NAT_PLAN", "Sí", "YES")]
    [InlineData("POL_NAT_PLAN", "Sim", "YES")]
    [InlineData("POL_NAT_PLAN", "Oui", "YES")]
    [InlineData("POL_NAT_PLAN", "yes", "YES")]
    [InlineData("POL_NAT_PLAN", "Não", "NO")]
    [InlineData("POL_NAT_PLAN", "Partiel", "PARTIAL")]
    public void Treaty_status_and_yes_no_answers_are_stored_as_codes(string indicator, string written, string code)
    {
        var observation = Assert.Single(Validate(new Sheet("indicator", "value").Row(indicator, written)).Observations);
        Assert.Equal(ObservationValue.Of(code), observation.Value);
        Assert.Null(observation.Value.Number);
    }

    [Theory]
    [InlineData("estimated", "estimated")]
    [InlineData("Estimación", "estimated")]
    [InlineData("estimativa", "estimated")]
    [InlineData("Estimé", "estimated")]
    [InlineData("E", "estimated")]
    [InlineData("Provisional", "provisional")]
    [InlineData("provisório", "provisional")]
    [InlineData("PROVISOIRE", "provisional")]
    [InlineData("preliminar", "provisional")]
    public void Flags_in_any_language_are_stored_as_codes(string written, string flag)
    {
        var sheet = new Sheet("indicator", "value", "flag").Row("CT_PERS_PROS", 12, written);
        Assert.Equal(flag, Assert.Single(Validate(sheet).Observations).Flag);
    }

    [Fact]
    public void Rows_counts_every_data_row_and_observations_only_the_sound_ones()
    {
        var sheet = new Sheet("indicator", "SEX", "value")
            .Row("CT_PERS_PROS", "F", 10)
            .Row("CT_PERS_PROS", "M", "n/d")
            .Row("CT_PERS_PROS", "X", 5)
            .Row("CT_PERS_PROS", "", 10);

        var outcome = Validate(sheet);

        Assert.Equal(4, outcome.Rows);
        Assert.Equal(["CT_PERS_PROS|SEX=F", "CT_PERS_PROS|SEX=_T"], outcome.Observations.Select(o => o.Key));
        Assert.False(outcome.Accepted);
    }

    [Fact]
    public void A_header_in_another_language_than_the_state_decides_how_numbers_read()
    {
        var sheet = new Sheet("indicator", "value").Row("CT_PERS_PROS", "1,234");

        Assert.Equal(1234, Assert.Single(Validate(sheet, state: "MEX", headerLanguage: Language.En).Observations).Value.Number);
        Assert.Single(Validate(new Sheet("indicator", "value").Row("CT_PERS_PROS", "1,234"), state: "MEX").Errors);
    }
}

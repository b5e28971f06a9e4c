using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.ReferenceData;
using Observatory.Core.Validation;
using static Observatory.Core.Tests.Validation.ValidatorHarness;

namespace Observatory.Core.Tests.Validation;

public class IndicatorAndDimensionTests
{
    [Fact]
    public void An_unknown_indicator_is_reported_with_the_codes_that_may_be_submitted()
    {
        var outcome = Validate(new Sheet("indicator", "value").Row("CT_VICTIMS", 3));

        var problem = Assert.Single(outcome.Errors);
        ProblemAssert.Is(problem, ProblemTypes.UnknownIndicator, Severity.Error, 2, "A", "indicator", "CT_VICTIMS", ValidationMessages.IndicatorUnknown);
        Assert.Contains("CT_VICT_DET", problem.Arguments[1]);
        Assert.DoesNotContain("CT_VICT_DET_RATE", problem.Arguments[1]);
        Assert.Empty(outcome.Observations);
    }

    [Fact]
    public void A_derived_indicator_cannot_be_submitted()
    {
        var outcome = Validate(new Sheet("indicator", "value").Row("CT_VICT_DET_RATE", 3));

        ProblemAssert.Is(Assert.Single(outcome.Errors), ProblemTypes.ConstraintError, Severity.Error, 2, "A", "indicator", "CT_VICT_DET_RATE",
            ValidationMessages.IndicatorDerived);
    }

    [Fact]
    public void A_blank_indicator_is_a_missing_cell()
    {
        var outcome = Validate(new Sheet("indicator", "value").Row("", 3));

        ProblemAssert.Is(Assert.Single(outcome.Errors), ProblemTypes.MissingCell, Severity.Error, 2, "A", "indicator", "",
            ValidationMessages.IndicatorMissing);
    }

    [Fact]
    public void A_json_observation_without_indicator_or_value_is_a_missing_cell()
    {
        var records = new List<ReturnRecord>
        {
            new("observations", 1, new Dictionary<string, FieldCell> { ["value"] = new("value", new CellValue(null, 3)) }),
            new("observations", 2, new Dictionary<string, FieldCell> { ["indicator"] = new("indicator", new CellValue("CT_PERS_PROS")) }),
        };

        var outcome = Validate(new InMemoryReturn(records, format: ReturnFormat.Json));

        Assert.Collection(outcome.Errors,
            p => ProblemAssert.Is(p, ProblemTypes.MissingCell, Severity.Error, 1, null, "indicator", "", ValidationMessages.IndicatorMissing, "observations"),
            p => ProblemAssert.Is(p, ProblemTypes.MissingCell, Severity.Error, 2, null, "value", "", ValidationMessages.ValueMissing, "observations"));
    }

    [Fact]
    public void A_spreadsheet_without_a_value_column_leaves_the_report_to_the_reader()
    {
        var missingLabel = new Problem(ProblemTypes.MissingLabel, Severity.Error, "Data", 1, null, "value", null, "reading.missing-label", []);
        var rows = new Sheet("indicator", "SEX").Row("CT_PERS_PROS", "F").Row("CT_PERS_PROS", "M");

        var outcome = Validate(new InMemoryReturn(rows.Records, problems: [missingLabel]));

        Assert.Equal([missingLabel], outcome.Errors);
        Assert.Equal(2, outcome.Rows);
    }

    [Fact]
    public void A_dimension_value_outside_its_list_is_an_unknown_code_listing_what_is_accepted_in_the_message_language()
    {
        var sheet = new Sheet("indicator", "SEX", "AGE", "value")
            .Row("CT_VICT_DET", "F", "12-17", 4)
            .Row("CT_VICT_DET", "Mujeres", "Adolescentes", 4);

        var outcome = Validate(sheet);

        Assert.Equal(2, outcome.Errors.Count);
        var sex = outcome.Errors[0];
        ProblemAssert.Is(sex, ProblemTypes.UnknownCode, Severity.Error, 3, "B", "SEX", "Mujeres", ValidationMessages.DimensionUnknownCode);
        ProblemAssert.Is(outcome.Errors[1], ProblemTypes.UnknownCode, Severity.Error, 3, "C", "AGE", "Adolescentes", ValidationMessages.DimensionUnknownCode);

        var spanish = Render(sex, Language.Es);
        Assert.Contains("Mujeres", spanish);
        Assert.Contains("«Sexo»", spanish);
        Assert.Contains("F (Femenino)", spanish);
        Assert.Contains("_U (Desconocido)", spanish);
        var french = Render(sex, Language.Fr);
        Assert.Contains("F (Féminin)", french);
        Assert.Contains("M (Masculin)", french);
        Assert.Single(outcome.Observations);
    }

    [Fact]
    public void A_dimension_the_indicator_lacks_must_be_blank()
    {
        var sheet = new Sheet("indicator", "SEX", "AGE", "OFFENCE", "value")
            .Row("CT_PERS_PROS", "F", "12-17", "", 4)
            .Row("CT_PERS_PROS", "M", "", "Trata de personas", 4)
            .Row("CT_PERS_PROS", "_U", "Total", "", 4)
            .Row("LEG_PALERMO", "", "", "", "Ratificado");

        var outcome = Validate(sheet);

        Assert.Collection(outcome.Errors,
            p => ProblemAssert.Is(p, ProblemTypes.ConstraintError, Severity.Error, 2, "C", "AGE", "12-17", ValidationMessages.DimensionNotApplicable),
            p => ProblemAssert.Is(p, ProblemTypes.ConstraintError, Severity.Error, 3, "D", "OFFENCE", "Trata de personas", ValidationMessages.DimensionNotApplicable));
        Assert.Equal(["12-17", "CT_PERS_PROS"], outcome.Errors[0].Arguments);
        Assert.Equal([new LocalizedText("Age", "Edad", "Idade", "Âge")], outcome.Errors[0].LocalizedArguments);
        Assert.Equal(["CT_PERS_PROS|SEX=_U", "LEG_PALERMO"], outcome.Observations.Select(o => o.Key));
    }
}

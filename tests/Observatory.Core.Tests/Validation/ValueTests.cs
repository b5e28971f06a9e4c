using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Validation;
using static Observatory.Core.Tests.Validation.ValidatorHarness;

namespace Observatory.Core.Tests.Validation;

public class ValueTests
{
    private static ValidationOutcome One(object? value, string state = "MEX", Language? headerLanguage = null, string indicator = "CT_PERS_PROS") =>
        Validate(new Sheet("indicator", "SEX", "value").Row(indicator, "F", value), state, headerLanguage);

    [Theory]
    [InlineData("MEX", null, "52.345.678", 52345678)]
    [InlineData("MEX", null, "1.234", 1234)]
    [InlineData("MEX", null, "1 234", 1234)]
    [InlineData("BRA", null, "1.234", 1234)]
    [InlineData("BRA", null, "1.234,0", 1234)]
    [InlineData("HTI", null, "1 234", 1234)]
    [InlineData("HTI", null, "1\u202F234", 1234)]
    [InlineData("HTI", null, "1.234", 1234)]
    [InlineData("JAM", null, "1,234", 1234)]
    [InlineData("JAM", null, "1,234,567", 1234567)]
    [InlineData("USA", null, "0", 0)]
    [InlineData("CAN", null, "1 234", 1234)]
    [InlineData("CAN", null, "1234", 1234)]
    [InlineData("CAN", Language.En, "1,234", 1234)]
    [InlineData("CAN", Language.Fr, "1.234", 1234)]
    [InlineData("MEX", Language.En, "1,234", 1234)]
    public void Text_numbers_read_in_the_file_language(string state, Language? headerLanguage, string written, long expected)
    {
        var outcome = One(written, state, headerLanguage);
        Assert.Empty(outcome.Errors);
        Assert.Equal(expected, Assert.Single(outcome.Observations).Value.Number);
    }

    [Theory]
    [InlineData(12.0, 12)]
    [InlineData(0.0, 0)]
    [InlineData(1234567.0, 1234567)]
    public void Numeric_cells_are_taken_as_they_are(double cell, long expected) =>
        Assert.Equal(expected, Assert.Single(One(cell, state: "JAM").Observations).Value.Number);

    [Theory]
    [InlineData("JAM", null, "1.234", ProblemTypes.TypeError, ValidationMessages.ValueNotWholeText)]
    [InlineData("MEX", null, "1,234", ProblemTypes.TypeError, ValidationMessages.ValueNotWholeText)]
    [InlineData("JAM", null, "1,23,4", ProblemTypes.TypeError, ValidationMessages.ValueNotANumber)]
    [InlineData("MEX", null, "1.234 567", ProblemTypes.TypeError, ValidationMessages.ValueNotANumber)]
    [InlineData("MEX", null, "doce", ProblemTypes.TypeError, ValidationMessages.ValueNotANumber)]
    [InlineData("CAN", null, "1,234", ProblemTypes.TypeError, ValidationMessages.ValueAmbiguous)]
    [InlineData("CAN", null, "1.234", ProblemTypes.TypeError, ValidationMessages.ValueAmbiguous)]
    [InlineData("MEX", null, "-3", ProblemTypes.ConstraintError, ValidationMessages.ValueNegative)]
    [InlineData("JAM", null, "-1,000", ProblemTypes.ConstraintError, ValidationMessages.ValueNegative)]
    public void Text_the_file_language_does_not_settle_as_a_count_is_an_error(
        string state, Language? headerLanguage, string written, string type, string messageKey)
    {
        var outcome = One(written, state, headerLanguage);

        ProblemAssert.Is(Assert.Single(outcome.Errors), type, Severity.Error, 2, "C", "value", written, messageKey);
        Assert.Empty(outcome.Observations);
    }

    [Fact]
    public void The_canada_ambiguity_names_both_languages()
    {
        var problem = Assert.Single(One("1,234", state: "CAN").Errors);

        Assert.Equal([LanguageNames.Of(Language.En), LanguageNames.Of(Language.Fr)], problem.LocalizedArguments);
        Assert.Contains("anglais", Render(problem, Language.Fr));
        Assert.Contains("français", Render(problem, Language.Fr));
    }

    [Fact]
    public void A_text_number_with_decimals_names_the_language_it_was_read_in()
    {
        var problem = Assert.Single(One("1,234", state: "MEX").Errors);
        Assert.Contains("español", Render(problem, Language.Es));
        Assert.Contains("Spanish", Render(problem, Language.En));
    }

    [Theory]
    [InlineData(12.5, ProblemTypes.TypeError, ValidationMessages.ValueNotWhole)]
    [InlineData(-3.0, ProblemTypes.ConstraintError, ValidationMessages.ValueNegative)]
    [InlineData(1e30, ProblemTypes.TypeError, ValidationMessages.ValueNotANumber)]
    public void Numeric_cells_must_be_whole_and_not_negative(double cell, string type, string messageKey)
    {
        var outcome = One(cell);
        ProblemAssert.Is(Assert.Single(outcome.Errors), type, Severity.Error, 2, "C", "value",
            cell.ToString(System.Globalization.CultureInfo.InvariantCulture), messageKey);
    }

    [Fact]
    public void A_blank_value_on_a_row_with_a_note_is_a_missing_cell()
    {
        var outcome = Validate(new Sheet("indicator", "SEX", "value", "note").Row("CT_PERS_PROS", "F", "", "figure from the courts"));
        var problem = Assert.Single(outcome.Errors);
        ProblemAssert.Is(problem, ProblemTypes.MissingCell, Severity.Error, 2, "C", "value", "", ValidationMessages.ValueMissing);
        Assert.Equal(["CT_PERS_PROS"], problem.Arguments);
    }

    [Theory]
    [InlineData("n/d")]
    [InlineData("N/D")]
    [InlineData("s/d")]
    [InlineData("S/D")]
    [InlineData("N/A")]
    [InlineData("n/a")]
    [InlineData("NA")]
    [InlineData("..")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData(" n/d ")]
    public void A_not_available_marker_skips_the_row_with_a_warning_and_never_stores_zero(string marker)
    {
        var outcome = One(marker);

        Assert.Empty(outcome.Errors);
        Assert.Empty(outcome.Observations);
        Assert.Equal(1, outcome.Rows);
        ProblemAssert.Is(Assert.Single(outcome.Warnings), ProblemTypes.NotAvailable, Severity.Warning, 2, "C", "value", marker,
            ValidationMessages.ValueNotAvailable);
    }

    [Fact]
    public void Not_available_rows_are_counted_and_kept_apart_from_the_figures()
    {
        var sheet = new Sheet("indicator", "SEX", "value")
            .Row("CT_PERS_PROS", "F", "n/d")
            .Row("CT_PERS_PROS", "M", 0)
            .Row("CT_PERS_PROS", "_U", "..")
            .Row("LEG_PALERMO", "", "N/A");

        var outcome = Validate(sheet);

        Assert.True(outcome.Accepted);
        Assert.Equal(4, outcome.Rows);
        Assert.All(outcome.Warnings, w => Assert.Equal(ProblemTypes.NotAvailable, w.Type));
        Assert.Equal([2, 4, 5], outcome.Warnings.Select(w => w.Row));
        Assert.Equal(0, Assert.Single(outcome.Observations).Value.Number);
    }

    [Fact]
    public void An_answer_outside_its_value_list_is_a_constraint_error_listing_the_accepted_answers()
    {
        var outcome = Validate(new Sheet("indicator", "value").Row("LEG_PALERMO", "En trámite"));

        var problem = Assert.Single(outcome.Errors);
        ProblemAssert.Is(problem, ProblemTypes.ConstraintError, Severity.Error, 2, "B", "value", "En trámite", ValidationMessages.ValueNotInList);
        Assert.Contains("RATIFIED (Ratificado o adherido)", Render(problem, Language.Es));
        Assert.Contains("SIGNED (Signé)", Render(problem, Language.Fr));
    }

    [Fact]
    public void A_number_for_a_yes_no_indicator_is_not_an_answer()
    {
        var outcome = Validate(new Sheet("indicator", "value").Row("POL_NAT_PLAN", 1));
        ProblemAssert.Is(Assert.Single(outcome.Errors), ProblemTypes.ConstraintError, Severity.Error, 2, "B", "value", "1", ValidationMessages.ValueNotInList);
    }

    [Fact]
    public void An_unknown_flag_is_a_constraint_error()
    {
        var outcome = Validate(new Sheet("indicator", "value", "flag").Row("CT_PERS_PROS", 5, "dudoso").Row("CT_PERS_CONV", 5, ""));

        ProblemAssert.Is(Assert.Single(outcome.Errors), ProblemTypes.ConstraintError, Severity.Error, 2, "C", "flag", "dudoso", ValidationMessages.FlagUnknown);
        Assert.Null(Assert.Single(outcome.Observations).Flag);
    }
}

using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Validation;
using static Observatory.Core.Tests.Validation.ValidatorHarness;

namespace Observatory.Core.Tests.Validation;

public class CountryAndYearTests
{
    private static readonly Sheet OneRow = new Sheet("indicator", "value").Row("CT_PERS_PROS", 3);

    private static StatedValue Stated(string text, int row = 2) =>
        new("Metadata", row, new FieldCell("B", new CellValue(text)));

    [Theory]
    [InlineData("MEX")]
    [InlineData("MX")]
    [InlineData("484")]
    [InlineData("México")]
    [InlineData("mexique")]
    public void A_stated_country_naming_the_submission_state_is_accepted(string written)
    {
        var outcome = Validate(new InMemoryReturn(OneRow.Records, statedCountry: Stated(written)), state: "MEX");
        Assert.Empty(outcome.Errors);
    }

    [Fact]
    public void A_stated_country_of_another_state_is_a_row_constraint_error_where_it_stands()
    {
        var outcome = Validate(new InMemoryReturn(OneRow.Records, statedCountry: Stated("Brasil", row: 3)), state: "MEX");

        var problem = Assert.Single(outcome.Errors);
        ProblemAssert.Is(problem, ProblemTypes.RowConstraint, Severity.Error, 3, "B", "country", "Brasil",
            ValidationMessages.CountryMismatch, sheet: "Metadata");
        Assert.Contains("Brasil", Render(problem, Languages.Language.Es));
        Assert.Contains("México", Render(problem, Languages.Language.Es));
    }

    [Fact]
    public void A_country_that_resolves_to_no_state_is_a_constraint_error()
    {
        var outcome = Validate(new InMemoryReturn(OneRow.Records, statedCountry: Stated("Atlantis")), state: "MEX");

        ProblemAssert.Is(Assert.Single(outcome.Errors), ProblemTypes.ConstraintError, Severity.Error, 2, "B", "country", "Atlantis",
            ValidationMessages.CountryUnknown, sheet: "Metadata");
    }

    [Fact]
    public void A_country_column_is_checked_on_every_row()
    {
        var sheet = new Sheet("country", "indicator", "SEX", "value")
            .Row("Mexico", "CT_PERS_PROS", "F", 3)
            .Row("", "CT_PERS_PROS", "M", 3)
            .Row("JAM", "CT_PERS_PROS", "_U", 3)
            .Row("Narnia", "CT_PERS_PROS", "_T", 9);

        var outcome = Validate(sheet, state: "MEX");

        Assert.Collection(outcome.Errors,
            p => ProblemAssert.Is(p, ProblemTypes.RowConstraint, Severity.Error, 4, "A", "country", "JAM", ValidationMessages.CountryMismatch),
            p => ProblemAssert.Is(p, ProblemTypes.ConstraintError, Severity.Error, 5, "A", "country", "Narnia", ValidationMessages.CountryUnknown));
        Assert.Equal(["CT_PERS_PROS|SEX=F", "CT_PERS_PROS|SEX=M"], outcome.Observations.Select(o => o.Key));
    }

    [Fact]
    public void A_stated_year_other_than_the_submission_year_is_a_row_constraint_error()
    {
        var year = new StatedValue("Metadata", 4, new FieldCell("B", new CellValue(null, 2024)));

        var outcome = Validate(new InMemoryReturn(OneRow.Records, statedYear: year), year: 2025);

        var problem = Assert.Single(outcome.Errors);
        ProblemAssert.Is(problem, ProblemTypes.RowConstraint, Severity.Error, 4, "B", "year", "2024", ValidationMessages.YearMismatch, sheet: "Metadata");
        Assert.Equal(["2024", "2025"], problem.Arguments);
    }

    [Fact]
    public void A_year_column_must_hold_the_submission_year()
    {
        var sheet = new Sheet("year", "indicator", "SEX", "value")
            .Row(2025, "CT_PERS_PROS", "F", 3)
            .Row("2025", "CT_PERS_PROS", "M", 3)
            .Row("2024", "CT_PERS_PROS", "_U", 3)
            .Row("el año pasado", "CT_PERS_PROS", "_T", 9);

        var outcome = Validate(sheet, year: 2025);

        Assert.Collection(outcome.Errors,
            p => ProblemAssert.Is(p, ProblemTypes.RowConstraint, Severity.Error, 4, "A", "year", "2024", ValidationMessages.YearMismatch),
            p => ProblemAssert.Is(p, ProblemTypes.TypeError, Severity.Error, 5, "A", "year", "el año pasado", ValidationMessages.YearInvalid));
    }
}

using Observatory.Core.Domain;
using Observatory.Core.Languages;
using Observatory.Core.Problems;
using Observatory.Core.Validation;
using static Observatory.Core.Tests.Validation.ValidatorHarness;

namespace Observatory.Core.Tests.Validation;

public class CrossRowTests
{
    [Fact]
    public void The_same_cell_twice_is_a_duplicate_row_naming_the_first()
    {
        var sheet = new Sheet("indicator", "SEX", "AGE", "value")
            .Row("CT_VICT_DET", "F", "12-17", 4)
            .Row("CT_VICT_DET", "M", "", 2)
            .Row("CT_VICT_DET", "Femenino", "Y12T17", 5)
            .Row("Niños víctimas de trata detectados", "female", "12 a 17 años", "n/d")
            .Row("CT_VICT_DET", "F", "12 à 17 ans", 6);

        var outcome = Validate(sheet);

        Assert.Collection(outcome.Errors,
            p => ProblemAssert.Is(p, ProblemTypes.DuplicateRow, Severity.Error, 4, null, null, null, ValidationMessages.DuplicateRow),
            p => ProblemAssert.Is(p, ProblemTypes.DuplicateRow, Severity.Error, 6, null, null, null, ValidationMessages.DuplicateRow));
        Assert.Equal(["2", "CT_VICT_DET, SEX F, AGE Y12T17, EXPLOITATION _T, CITIZENSHIP _T"], outcome.Errors[0].Arguments);
        Assert.Equal("2", outcome.Errors[1].Arguments[0]);
    }

    [Fact]
    public void A_duplicate_on_another_sheet_names_that_sheet()
    {
        var first = new Sheet("indicator", "value") { Name = "2025" }.Row("CT_PERS_PROS", 4);
        var second = new Sheet("indicator", "value") { Name = "Anexo" }.Row("CT_PERS_PROS", 4);

        var outcome = Validate(new InMemoryReturn([.. first.Records, .. second.Records]));

        Assert.Equal("2 (2025)", Assert.Single(outcome.Errors).Arguments[0]);
    }

    [Fact]
    public void Parts_over_their_total_are_an_error_on_the_total_row_with_the_numbers()
    {
        var sheet = new Sheet("indicator", "SEX", "value")
            .Row("CT_PERS_PROS", "F", 30)
            .Row("CT_PERS_PROS", "", 40)
            .Row("CT_PERS_PROS", "M", 12)
            .Row("CT_PERS_PROS", "_U", 1);

        var outcome = Validate(sheet);

        var problem = Assert.Single(outcome.Errors);
        ProblemAssert.Is(problem, ProblemTypes.RowConstraint, Severity.Error, 3, "C", "value", "40", ValidationMessages.PartsExceedTotal);
        Assert.Equal(["40", "43", "3"], problem.Arguments);
        foreach (var language in LanguageCodes.All)
        {
            var message = Render(problem, language);
            Assert.Contains("43", message);
            Assert.Contains("40", message);
        }
        Assert.Contains("«Sexo» (filas 2, 4, 5)", Render(problem, Language.Es));
    }

    [Fact]
    public void Parts_under_their_total_with_no_unknown_part_are_a_warning_with_the_numbers()
    {
        var sheet = new Sheet("indicator", "SEX", "value")
            .Row("CT_PERS_PROS", "", 40)
            .Row("CT_PERS_PROS", "F", 20)
            .Row("CT_PERS_PROS", "M", 15);

        var outcome = Validate(sheet);

        Assert.Empty(outcome.Errors);
        var problem = Assert.Single(outcome.Warnings);
        ProblemAssert.Is(problem, ProblemTypes.RowConstraint, Severity.Warning, 2, "C", "value", "40", ValidationMessages.PartsBelowTotal);
        Assert.Equal(["40", "35", "5"], problem.Arguments);
        Assert.Contains("(linhas 3, 4) somam 35", Render(problem, Language.Pt));
        Assert.Equal(3, outcome.Observations.Count);
    }

    [Theory]
    [InlineData(20, 20, 0)]
    [InlineData(20, 15, 5)]
    [InlineData(20, 15, 0)]
    public void Parts_that_add_up_or_include_an_unknown_part_are_fine(long female, long male, long unknown)
    {
        var sheet = new Sheet("indicator", "SEX", "value")
            .Row("CT_PERS_PROS", "_T", 40)
            .Row("CT_PERS_PROS", "F", female)
            .Row("CT_PERS_PROS", "M", male)
            .Row("CT_PERS_PROS", "_U", unknown);

        var outcome = Validate(sheet);

        Assert.Empty(outcome.Errors);
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void Additivity_holds_along_each_dimension_with_the_others_fixed()
    {
        // By age within girls (rows 2-4) the parts exceed; by sex within 12-17 (rows 4-6) and within the
        // overall total (rows 2, 7, 8) they add up exactly.
        var sheet = new Sheet("indicator", "SEX", "AGE", "value")
            .Row("CT_VICT_DET", "F", "", 10)
            .Row("CT_VICT_DET", "F", "0-11", 4)
            .Row("CT_VICT_DET", "F", "12-17", 7)
            .Row("CT_VICT_DET", "M", "12-17", 3)
            .Row("CT_VICT_DET", "", "12-17", 10)
            .Row("CT_VICT_DET", "", "", 15)
            .Row("CT_VICT_DET", "M", "", 5);

        var outcome = Validate(sheet);

        var problem = Assert.Single(outcome.Errors);
        ProblemAssert.Is(problem, ProblemTypes.RowConstraint, Severity.Error, 2, "D", "value", "10", ValidationMessages.PartsExceedTotal);
        Assert.Equal(["10", "11", "1"], problem.Arguments);
        Assert.Equal(["Age", "rows 3, 4"], problem.LocalizedArguments.Select(a => a.En));
        // By age, only 12-17 is given within the overall total (10 of 15) and within boys (3 of 5): warnings.
        Assert.Collection(outcome.Warnings,
            w => ProblemAssert.Is(w, ProblemTypes.RowConstraint, Severity.Warning, 7, "D", "value", "15", ValidationMessages.PartsBelowTotal),
            w => ProblemAssert.Is(w, ProblemTypes.RowConstraint, Severity.Warning, 8, "D", "value", "5", ValidationMessages.PartsBelowTotal));
        Assert.Equal(["15", "10", "5"], outcome.Warnings[0].Arguments);
        Assert.Equal(["5", "3", "2"], outcome.Warnings[1].Arguments);
    }

    [Fact]
    public void Without_a_total_or_with_a_wrong_part_the_sum_is_not_checked()
    {
        var sheet = new Sheet("indicator", "SEX", "value")
            .Row("CT_PERS_PROS", "F", 30)
            .Row("CT_PERS_PROS", "M", 30)
            .Row("CT_PERS_CONV", "_T", 10)
            .Row("CT_PERS_CONV", "F", "doce")
            .Row("CT_PERS_CONV", "M", 1);

        var outcome = Validate(sheet);

        Assert.Equal([ValidationMessages.ValueNotANumber], outcome.Errors.Select(e => e.MessageKey));
        Assert.Empty(outcome.Warnings);
    }

    [Fact]
    public void More_convictions_than_prosecutions_for_the_same_sex_is_a_warning_with_both_numbers()
    {
        var sheet = new Sheet("indicator", "SEX", "value")
            .Row("CT_PERS_PROS", "F", 5)
            .Row("CT_PERS_PROS", "M", 9)
            .Row("CT_PERS_CONV", "F", 8)
            .Row("CT_PERS_CONV", "M", 9)
            .Row("CT_PERS_CONV", "_U", 4);

        var outcome = Validate(sheet);

        Assert.Empty(outcome.Errors);
        var problem = Assert.Single(outcome.Warnings);
        ProblemAssert.Is(problem, ProblemTypes.RowConstraint, Severity.Warning, 4, "C", "value", "8", ValidationMessages.ConvictionsExceedProsecutions);
        Assert.Equal(["8", "5", "2"], problem.Arguments);
        Assert.Contains("(5,", Render(problem, Language.Fr));
    }

    private static Observation LastYear(long value, string sex = "F") =>
        new("MEX", 2024, "CT_PERS_PROS", [new("SEX", sex)], ObservationValue.Of(value), null, null);

    [Theory]
    [InlineData(20, 100, null)]
    [InlineData(20, 101, ValidationMessages.OutlierHigher)]
    [InlineData(100, 20, null)]
    [InlineData(101, 20, ValidationMessages.OutlierLower)]
    [InlineData(19, 1000, null)]
    [InlineData(1000, 19, null)]
    [InlineData(1000, 0, null)]
    [InlineData(50, 60, null)]
    public void A_value_far_from_last_year_is_an_outlier_when_both_are_at_least_20(long before, long now, string? expected)
    {
        var sheet = new Sheet("indicator", "SEX", "value").Row("CT_PERS_PROS", "F", now);

        var outcome = Validate(sheet, previousYear: [LastYear(before), LastYear(before * 100, sex: "M")]);

        Assert.True(outcome.Accepted);
        Assert.Single(outcome.Observations);
        if (expected is null)
        {
            Assert.Empty(outcome.Warnings);
            return;
        }
        var problem = Assert.Single(outcome.Warnings);
        ProblemAssert.Is(problem, ProblemTypes.Outlier, Severity.Warning, 2, "C", "value", now.ToString(System.Globalization.CultureInfo.InvariantCulture), expected);
        Assert.Equal([now.ToString(System.Globalization.CultureInfo.InvariantCulture), before.ToString(System.Globalization.CultureInfo.InvariantCulture), "2024"], problem.Arguments);
    }
}

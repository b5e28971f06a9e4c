using Observatory.Core.Problems;
using Observatory.Core.Reading;
using Observatory.Core.Validation;
using static Observatory.Core.Tests.Validation.ValidatorHarness;

namespace Observatory.Core.Tests.Validation;

public class FileLevelTests
{
    private static Problem ReaderProblem(string type, Severity severity, string? column = null) =>
        new(type, severity, "Data", 1, column, null, "Comentarios", "reading." + type, ["Comentarios"]);

    [Fact]
    public void A_return_without_data_rows_gets_exactly_one_error()
    {
        var outcome = Validate(new InMemoryReturn([]));

        ProblemAssert.Is(Assert.Single(outcome.Errors), ProblemTypes.RowConstraint, Severity.Error, null, null, null, null,
            ValidationMessages.NoData, sheet: null);
        Assert.Empty(outcome.Warnings);
        Assert.Equal(0, outcome.Rows);
        Assert.False(outcome.Accepted);
    }

    [Fact]
    public void A_return_the_reader_could_not_read_is_not_also_reported_as_empty()
    {
        var unreadable = new Problem(ProblemTypes.FormatError, Severity.Error, null, null, null, null, null, "reading.format-error", []);

        var outcome = Validate(new InMemoryReturn([], problems: [unreadable]));

        Assert.Equal([unreadable], outcome.Errors);
    }

    [Fact]
    public void An_empty_return_for_another_country_reports_both()
    {
        var stated = new StatedValue("Metadata", 2, new FieldCell("B", new CellValue("BRA")));

        var outcome = Validate(new InMemoryReturn([], statedCountry: stated), state: "MEX");

        Assert.Equal([ValidationMessages.NoData, ValidationMessages.CountryMismatch], outcome.Errors.Select(e => e.MessageKey));
    }

    [Fact]
    public void The_reader_problems_come_first_then_the_rows_in_file_order()
    {
        var extra = ReaderProblem(ProblemTypes.ExtraLabel, Severity.Warning, "E");
        var blank = ReaderProblem(ProblemTypes.BlankLabel, Severity.Error, "F");
        var sheet = new Sheet("indicator", "SEX", "value")
            .Row("CT_PERS_PROS", "", 10)
            .Row("CT_PERS_PROS", "F", 3)
            .Row("CT_PERS_PROS", "X", -1)
            .Row("CT_PERS_PROS", "M", "n/d");

        var outcome = Validate(new InMemoryReturn(sheet.Records, problems: [extra, blank]));

        Assert.Equal(
            [(ProblemTypes.BlankLabel, 1), (ProblemTypes.UnknownCode, 4), (ProblemTypes.ConstraintError, 4)],
            outcome.Errors.Select(e => (e.Type, e.Row ?? 0)));
        Assert.Equal(
            [(ProblemTypes.ExtraLabel, 1), (ProblemTypes.RowConstraint, 2), (ProblemTypes.NotAvailable, 5)],
            outcome.Warnings.Select(e => (e.Type, e.Row ?? 0)));
    }

    [Fact]
    public void Observations_are_complete_when_there_are_no_errors()
    {
        var sheet = new Sheet("indicator", "SEX", "value")
            .Row("CT_PERS_PROS", "", 10)
            .Row("CT_PERS_PROS", "F", 3)
            .Row("CT_PERS_PROS", "M", 7)
            .Row("POL_NAT_PLAN", "", "Oui");

        var outcome = Validate(sheet);

        Assert.True(outcome.Accepted);
        Assert.Equal(outcome.Rows, outcome.Observations.Count);
        Assert.All(outcome.Observations, o => Assert.Equal(("MEX", 2025), (o.Country, o.Year)));
    }
}
